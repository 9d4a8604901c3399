package dev.keywarden.sandbox;

import dev.keywarden.common.DaemonThreads;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --simulate-traffic}: every few seconds a few random active keys are "used" through the same
 * store call as {@code /v1/datasets}, so {@code lastUsed} moves while someone watches the console.
 */
final class TrafficSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TrafficSimulator.class.getName());

    private final SandboxStore store;
    private final Random random;
    private final long minDelayMillis;
    private final long maxDelayMillis;
    private final DaemonThreads daemons = DaemonThreads.lowPriority("sandbox-traffic");
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = daemons.newThread(task);
        threads.add(thread);
        return thread;
    });

    TrafficSimulator(SandboxStore store, Random random, Duration minDelay, Duration maxDelay) {
        this.store = store;
        this.random = random;
        this.minDelayMillis = minDelay.toMillis();
        this.maxDelayMillis = Math.max(minDelay.toMillis(), maxDelay.toMillis());
    }

    static TrafficSimulator everyFewSeconds(SandboxStore store) {
        return new TrafficSimulator(store, new Random(), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    TrafficSimulator start() {
        scheduleNext();
        return this;
    }

    private void scheduleNext() {
        long delay = minDelayMillis + (long) (random.nextDouble() * (maxDelayMillis - minDelayMillis));
        try {
            scheduler.schedule(this::tick, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // closed while a tick was running
        }
    }

    private void tick() {
        try {
            List<String> active = store.activeKeyValues();
            int uses = active.isEmpty() ? 0 : 1 + random.nextInt(3);
            for (int i = 0; i < uses; i++) {
                store.useProjectKey(active.get(random.nextInt(active.size())));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Simulated traffic failed", e);
        } finally {
            scheduleNext();
        }
    }

    /** The threads this simulator has started, so a test can watch exactly these and no others. */
    List<Thread> threads() {
        return List.copyOf(threads);
    }

    boolean isTerminated() {
        return scheduler.isTerminated();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
