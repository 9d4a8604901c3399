package dev.keywarden.common;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads ({@code prefix-1}, {@code prefix-2}, …), so forgotten background work never keeps the JVM alive.
 * {@link #lowPriority} threads are for bulk background work (loading an organisation, the embedded sandbox): at
 * {@link Thread#MIN_PRIORITY}, which the console's JVM flags make the operating system's lowest, nice 19 (README,
 * Performance), so a busy machine still gives the FX thread a core first. Threads they start inherit the priority.
 */
public final class DaemonThreads implements ThreadFactory {

    /**
     * Starts the normal-priority threads that a low-priority thread asks for. On Linux a thread inherits the nice value
     * of the thread that starts it, and only root may lower it again: OkHttp's pool, for one, starts its next thread on
     * whichever thread enqueues a call, and a load's thread would leave the admin's later calls at nice 19. Made with
     * the class, which the window's threads load first (never a low-priority one: only this class makes those).
     */
    private static final ThreadPoolExecutor STARTER = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread thread = new Thread(task, "keywarden-thread-starter");
                thread.setDaemon(true);
                thread.setPriority(Thread.NORM_PRIORITY);
                return thread;
            });

    static {
        STARTER.prestartCoreThread();
    }

    private final String prefix;
    private final int priority;
    private final AtomicInteger count = new AtomicInteger();

    public DaemonThreads(String prefix) {
        this(prefix, Thread.NORM_PRIORITY);
    }

    private DaemonThreads(String prefix, int priority) {
        this.prefix = prefix;
        this.priority = priority;
    }

    /** Threads for work nobody waits on key by key: they yield the cores to the window and to what the admin asked for. */
    public static DaemonThreads lowPriority(String prefix) {
        return new DaemonThreads(prefix, Thread.MIN_PRIORITY);
    }

    @Override
    public Thread newThread(Runnable task) {
        String name = prefix + "-" + count.incrementAndGet();
        Thread thread = priority == Thread.NORM_PRIORITY ? new StartedAtNormalPriority(task, name) : new Thread(task, name);
        thread.setDaemon(true);
        thread.setPriority(priority);
        return thread;
    }

    /**
     * A pool of normal-priority threads that a low-priority caller cannot leave at its nice value: its {@code execute},
     * which may start a thread (from Java 19 pools start theirs without {@link Thread#start()}), runs on {@link #STARTER}
     * when the caller's priority is low. For pools shared by loads and by what the admin asks for (OkHttp's).
     */
    public static ExecutorService normalPriorityPool(ThreadPoolExecutor pool) {
        return new AbstractExecutorService() {
            @Override
            public void execute(Runnable task) {
                if (Thread.currentThread().getPriority() >= Thread.NORM_PRIORITY) {
                    pool.execute(task);
                } else {
                    onStarter(() -> pool.execute(task));
                }
            }

            @Override
            public void shutdown() {
                pool.shutdown();
            }

            @Override
            public List<Runnable> shutdownNow() {
                return pool.shutdownNow();
            }

            @Override
            public boolean isShutdown() {
                return pool.isShutdown();
            }

            @Override
            public boolean isTerminated() {
                return pool.isTerminated();
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
                return pool.awaitTermination(timeout, unit);
            }
        };
    }

    /** Runs {@code step} on {@link #STARTER} and waits for it; what it throws is thrown here. Keeps an interrupt for later. */
    private static void onStarter(Runnable step) {
        FutureTask<Void> done = new FutureTask<>(step, null);
        STARTER.execute(done);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    done.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the caller still expects its thread started, or its task queued
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A normal-priority thread that, asked to start by a lower-priority thread, is started by {@link #STARTER}. */
    private static final class StartedAtNormalPriority extends Thread {
        StartedAtNormalPriority(Runnable task, String name) {
            super(task, name);
        }

        @Override
        public void start() { // not synchronized: Thread.start is, and the starter must get its lock
            if (Thread.currentThread().getPriority() >= Thread.NORM_PRIORITY) {
                super.start();
            } else {
                onStarter(super::start);
            }
        }
    }
}
