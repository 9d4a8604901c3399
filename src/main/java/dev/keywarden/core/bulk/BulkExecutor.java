package dev.keywarden.core.bulk;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.common.DaemonThreads;
import dev.keywarden.core.keys.KeyAction;
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
 * Runs a {@link BulkPlan} against the server with at most {@code concurrency} changes in flight.
 * Each key's result is what the server answered; when a change failed in a way that leaves its
 * outcome unknown ({@link ApiException#outcomeUnknown(Throwable)}), the key is read again and the
 * result says what the server has. Revoking a key the server no longer has counts as done. Changes
 * are never interrupted once sent; {@link BulkRun#cancel()} only stops sending more.
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
                    if (index >= items.size() || run.isCancelled()) {
                        break;
                    }
                    report(index, change(api, plan.action(), items.get(index)));
                }
            } catch (RuntimeException | Error e) {
                run.fail(e);
                throw e;
            } finally {
                if (working.decrementAndGet() == 0) {
                    finish();
                }
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

    static KeyResult change(ConfidentApi api, KeyAction action, KeyEntry entry) {
        KeyRef ref = entry.ref();
        try {
            if (action == KeyAction.REVOKE) {
                if (ref.isOrganisationKey()) {
                    api.revokeOrganizationApiKey(ref.keyId());
                } else {
                    api.revokeApiKey(ref.projectId(), ref.keyId());
                }
                return KeyResult.done(entry, action, null);
            }
            boolean valid = action.wantedValid();
            ApiKey after = ref.isOrganisationKey()
                    ? api.setOrganizationApiKeyValid(ref.keyId(), valid)
                    : api.setApiKeyValid(ref.projectId(), ref.keyId(), valid);
            return KeyResult.done(entry, action, after.masked());
        } catch (NotFoundException e) {
            return action == KeyAction.REVOKE ? KeyResult.alreadyGone(entry, action, e) : KeyResult.failed(entry, action, e);
        } catch (Exception e) {
            return ApiException.outcomeUnknown(e) ? reread(api, action, entry, e) : KeyResult.failed(entry, action, e);
        }
    }

    private static KeyResult reread(ConfidentApi api, KeyAction action, KeyEntry entry, Exception error) {
        KeyRef ref = entry.ref();
        ApiKey now;
        try {
            now = ref.isOrganisationKey() ? api.getOrganizationApiKey(ref.keyId()) : api.getApiKey(ref.projectId(), ref.keyId());
        } catch (NotFoundException gone) {
            return action == KeyAction.REVOKE ? KeyResult.changedAnswerLost(entry, action, null, error) : KeyResult.failed(entry, action, gone);
        } catch (Exception rereadError) {
            return KeyResult.unknown(entry, action, error, rereadError);
        }
        boolean changed = action != KeyAction.REVOKE && now.valid() == action.wantedValid();
        return changed ? KeyResult.changedAnswerLost(entry, action, now.masked(), error) : KeyResult.notChanged(entry, action, now.masked(), error);
    }
}
