package dev.keywarden.sandbox;

import dev.keywarden.common.DaemonThreads;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The server's worker threads, each exchange under a deadline. The JDK server reads the request line and
 * headers on the worker with no timeout of its own and offers no per-server setting for one (its
 * {@code sun.net.httpserver.maxReqTime} is read once per JVM). So every exchange starts with a deadline for
 * its headers; the handler clears it on entry and sets one around writing the answer. A worker still busy
 * at its deadline is interrupted, which closes the connection it is blocked on (NIO channels close when a
 * thread blocked on them is interrupted), so the thread is free again.
 *
 * <p>A full queue refuses the exchange; the JDK server then closes that connection. The accepting thread
 * never runs an exchange itself, so a slow client can never stop it accepting.
 *
 * <p>{@link #later} runs the rest of an exchange after a pause without holding a worker meanwhile: that is
 * how the sandbox's latency is spent, as on a real network, where a request in transit holds no server
 * thread. Such a continuation is never refused (the exchange was already taken), so the queue may hold
 * more than {@code queuedRequests} while continuations wait for a worker.
 */
final class DeadlineWorkers implements Executor {

    private static final long TICK_MILLIS = 100;

    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watchdog;
    private final Duration headerTimeout;
    private final int queuedRequests;
    /** Worker threads with a deadline, as System.nanoTime() values. Guarded by this. */
    private final Map<Thread, Long> deadlines = new HashMap<>();

    DeadlineWorkers(ServerLimits limits) {
        this.headerTimeout = limits.headerTimeout();
        this.queuedRequests = limits.queuedRequests();
        this.pool = new ThreadPoolExecutor(limits.workers(), limits.workers(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.lowPriority("sandbox-http"), new ThreadPoolExecutor.AbortPolicy());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(DaemonThreads.lowPriority("sandbox-deadlines"));
        watchdog.scheduleWithFixedDelay(this::interruptOverdue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Called by the JDK server's one dispatcher thread for each new request. */
    @Override
    public void execute(Runnable exchange) {
        if (pool.getQueue().size() >= queuedRequests) {
            throw new RejectedExecutionException("the sandbox has " + queuedRequests + " requests waiting");
        }
        pool.execute(() -> {
            arm(headerTimeout);
            runClean(exchange);
        });
    }

    /**
     * Runs {@code rest} on a worker once {@code delay} has passed, with no deadline set: it arms its own.
     * Nothing holds a worker during the delay. Dropped if the workers are shut down first.
     */
    void later(Duration delay, Runnable rest) {
        try {
            watchdog.schedule(() -> pool.execute(() -> runClean(rest)), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // shut down: the server closes every connection
        }
    }

    private void runClean(Runnable task) {
        try {
            task.run();
        } finally {
            disarm();
            // An interrupt that came too late to matter must not reach the next exchange on this thread.
            Thread.interrupted();
        }
    }

    /** Gives the calling worker until {@code timeout} from now. */
    synchronized void arm(Duration timeout) {
        deadlines.put(Thread.currentThread(), System.nanoTime() + timeout.toNanos());
    }

    /** Clears the calling worker's deadline; false when it had already passed and the thread was interrupted. */
    synchronized boolean disarm() {
        return deadlines.remove(Thread.currentThread()) != null;
    }

    private synchronized void interruptOverdue() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<Thread, Long>> it = deadlines.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Thread, Long> entry = it.next();
            if (now - entry.getValue() >= 0) {
                it.remove();
                entry.getKey().interrupt();
            }
        }
    }

    /** Stops the watchdog and interrupts every worker; waits up to {@code wait} for them to end. */
    void shutdown(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        watchdog.shutdownNow();
        pool.shutdownNow();
        pool.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        watchdog.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
}
