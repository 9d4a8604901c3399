package dev.keywarden.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads ({@code prefix-1}, {@code prefix-2}, …), so forgotten background work never keeps the JVM alive.
 * {@link #lowPriority} threads are for bulk background work (loading an organisation, filtering, the embedded sandbox):
 * at {@link Thread#MIN_PRIORITY}, which the console's JVM flags make the operating system's lowest (README,
 * Performance), so a busy machine still gives the FX thread a core first. Threads they start inherit the priority.
 */
public final class DaemonThreads implements ThreadFactory {

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

    /** Threads for work nobody is waiting on key by key: they yield the cores to the window and to what the admin asked for. */
    public static DaemonThreads lowPriority(String prefix) {
        return new DaemonThreads(prefix, Thread.MIN_PRIORITY);
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        thread.setPriority(priority);
        return thread;
    }
}
