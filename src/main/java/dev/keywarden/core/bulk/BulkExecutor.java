package dev.keywarden.core.bulk;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.common.DaemonThreads;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.core.pacing.Parallelism;
import dev.keywarden.model.ApiKey;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs a {@link BulkPlan} against the server with at most {@code concurrency} changes in flight, each
 * through {@link KeyChangeService#change}: its result is what the server answered or, when the answer was
 * lost, what reading the key again shows. The connection's own organisation key (and any key that may be
 * it) goes last, alone, once every other change has its answer: switching it off first would make every
 * later change fail. Changes are never interrupted once sent; {@link BulkRun#cancel()} only stops sending more.
 */
public final class BulkExecutor {
    /** Unless the admin sets another ({@code --parallelism}, {@code parallelism} in ui.properties). */
    public static final int DEFAULT_CONCURRENCY = Parallelism.DEFAULT;

    private final int concurrency;

    public BulkExecutor(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.concurrency = concurrency;
    }

    public int concurrency() {
        return concurrency;
    }

    /** Starts sending at once, on daemon threads of its own, and returns the run. */
    public BulkRun start(ConfidentApi api, BulkPlan plan, BulkListener listener) {
        BulkRun run = new BulkRun();
        List<KeyEntry> items = plan.toSend();
        if (items.isEmpty()) {
            run.complete(new BulkResult(plan, List.of(), false));
            return run;
        }
        int workers = Math.min(concurrency, items.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers, new DaemonThreads("keywarden-bulk"));
        new Sending(api, plan, listener, run, workers, pool).begin();
        pool.shutdown();
        return run;
    }

    /** {@link #start} then {@link BulkRun#await()}. */
    public BulkResult run(ConfidentApi api, BulkPlan plan, BulkListener listener) throws InterruptedException {
        return start(api, plan, listener).await();
    }

    private static final class Sending {
        private final ConfidentApi api;
        private final BulkPlan plan;
        private final BulkListener listener;
        private final BulkRun run;
        private final int workers;
        private final ExecutorService pool;
        private final List<KeyEntry> items;
        private final AtomicReferenceArray<KeyResult> results;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger working;
        private final int ownKeyFrom;

        Sending(ConfidentApi api, BulkPlan plan, BulkListener listener, BulkRun run, int workers, ExecutorService pool) {
            this.api = api;
            this.plan = plan;
            this.listener = listener;
            this.run = run;
            this.workers = workers;
            this.pool = pool;
            this.items = plan.toSend();
            this.results = new AtomicReferenceArray<>(items.size());
            this.working = new AtomicInteger(workers);
            this.ownKeyFrom = items.size() - plan.ownKeyToSend().size();
        }

        void begin() {
            for (int i = 0; i < workers; i++) {
                pool.execute(this::work);
            }
        }

        private void work() {
            try {
                while (!run.isCancelled()) {
                    int index = next.getAndIncrement();
                    if (index >= ownKeyFrom || run.isCancelled()) {
                        break;
                    }
                    report(index, KeyChangeService.change(api, items.get(index), plan.action()));
                }
            } catch (RuntimeException | Error e) {
                run.fail(e);
                throw e;
            } finally {
                if (working.decrementAndGet() == 0) {
                    try {
                        sendOwnKeyLast();
                    } catch (RuntimeException | Error e) {
                        run.fail(e);
                        throw e;
                    } finally {
                        finish();
                    }
                }
            }
        }

        /** On the last worker, once every other change has its answer: the connection's own key, one at a time. */
        private void sendOwnKeyLast() {
            for (int index = ownKeyFrom; index < items.size() && !run.isCancelled(); index++) {
                report(index, KeyChangeService.change(api, items.get(index), plan.action()));
            }
        }

        private void report(int index, KeyResult result) {
            results.set(index, result);
            try {
                listener.onResult(result, done.incrementAndGet(), items.size());
            } catch (RuntimeException ignored) {
                // A listener's mistake must not stop the changes nor lose their results.
            }
        }

        private void finish() {
            for (int i = 0; i < items.size(); i++) {
                if (results.get(i) == null) {
                    report(i, KeyResult.notSent(items.get(i), plan.action()));
                }
            }
            List<KeyResult> all = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                all.add(results.get(i));
            }
            run.complete(new BulkResult(plan, all, run.isCancelled()));
        }
    }
}
