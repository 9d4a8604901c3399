package dev.keywarden.common;

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

    /** A normal-priority thread that, asked to start by a lower-priority thread, is started by {@link #STARTER}. */
    private static final class StartedAtNormalPriority extends Thread {
        StartedAtNormalPriority(Runnable task, String name) {
            super(task, name);
        }

        @Override
        public void start() { // not synchronized: Thread.start is, and the starter must get its lock
            if (Thread.currentThread().getPriority() >= Thread.NORM_PRIORITY) {
                super.start();
                return;
            }
            FutureTask<Void> started = new FutureTask<>(super::start, null);
            STARTER.execute(started);
            boolean interrupted = false;
            while (true) {
                try {
                    started.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // a pool's caller still expects its thread started: the flag is kept for it
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
