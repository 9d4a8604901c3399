package dev.keywarden.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Has the heap's next pages touched, once a process expects to hold many keys, by a low-priority thread instead of
 * inside the garbage collector's pauses.
 *
 * <p>Why: the console's JVM moves the keys that survive a young collection straight to the old generation
 * ({@code -XX:MaxTenuringThreshold=0}), and G1 gives the old generation regions the process has not touched yet. The
 * kernel then hands over each of their pages inside the stop-the-world pause (a page fault each, zeroed), which was
 * half of a collection's time while 50,000 keys load (PERFORMANCE.md). A large array is put straight into free
 * old regions (side by side: early in a load the heap has them) and zeroed by the thread that asks for it, outside
 * any pause; dropped, its regions are freed by the next collection, touched, and the old generation takes those
 * first. The price is resident memory, paid early and only by a process that expects many keys: {@link #BYTES_PER_KEY}
 * a key, at most {@code keywarden.heap.warm} megabytes, in whole arrays of 8 MB.
 */
public final class HeapWarmer {
    /** How many keys a process expects before the warming starts: fewer keep the heap small and the pauses short. */
    public static final int KEYS_BEFORE_WARMING = 5_000;
    /**
     * Touched a key expected: 50,000 keys, the benchmarks' organisation, get the default 128 MB (with 64 MB the
     * benchmark's loads still had collections that waited for fresh pages: longest gaps of 35 and 104 ms).
     */
    static final long BYTES_PER_KEY = 2_700;
    /** The most megabytes to touch; {@code 0} turns the warming off. */
    public static final String PROPERTY = "keywarden.heap.warm";
    static final long DEFAULT_BYTES = 128L << 20;
    /** Each array: humongous for G1 (at least half a region) whatever the heap's region size up to 16 MB. */
    static final int CHUNK = (8 << 20) - 64;
    /** One heap per process, so one warmer: shared by every key store of the process. */
    private static final HeapWarmer PROCESS = new HeapWarmer(configuredBytes(), HeapWarmer::touchInBackground);

    private final long mostBytes;
    private final LongConsumer warming;
    /** Bytes asked of {@link #warming} so far. */
    private long warmed;

    /** Touches at most {@code mostBytes} through {@code warming} (the process's: {@link #touch} on a thread of its own). */
    HeapWarmer(long mostBytes, LongConsumer warming) {
        this.mostBytes = mostBytes;
        this.warming = warming;
    }

    /** The process's warmer. */
    public static HeapWarmer process() {
        return PROCESS;
    }

    /**
     * Told how many keys the process expects to hold (those it holds, scaled to the projects still loading). The first
     * time they are many, touches what they need; then again, for the rest, each time the keys expected need half as
     * much again as was touched (a load whose first projects were small ones), never more than the most in all.
     */
    public synchronized void keysExpected(long keys) {
        if (keys < KEYS_BEFORE_WARMING) {
            return;
        }
        long wanted = keys > mostBytes / BYTES_PER_KEY ? mostBytes : keys * BYTES_PER_KEY;
        if (wanted - warmed >= CHUNK && wanted >= warmed + warmed / 2) {
            warming.accept(wanted - warmed);
            warmed = wanted;
        }
    }

    /**
     * Allocates up to {@code bytes} in large arrays, held until the last is made (so that each takes regions of its
     * own), then drops them all; no more than a quarter of the heap's room left. How many arrays it made.
     */
    static int touch(long bytes) {
        Runtime runtime = Runtime.getRuntime();
        long room = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        long wanted = Math.min(bytes, room / 4);
        List<byte[]> held = new ArrayList<>();
        try {
            for (long done = 0; done + CHUNK <= wanted; done += CHUNK) {
                held.add(new byte[CHUNK]);
            }
        } catch (OutOfMemoryError tight) {
            // A heap tighter than it said: the pages touched so far stay touched, and the arrays go at once.
        }
        return held.size();
    }

    private static void touchInBackground(long bytes) {
        try {
            DaemonThreads.lowPriority("keywarden-heap-warm").newThread(() -> touch(bytes)).start();
        } catch (OutOfMemoryError | RuntimeException noThread) {
            // No thread to be had (the process is at its limit): the collections touch the pages, as without warming.
        }
    }

    /** The property's megabytes (not a number: the default), as bytes; {@link #touch} keeps to the heap's room. */
    static long configuredBytes() {
        long megabytes = Long.getLong(PROPERTY, DEFAULT_BYTES >> 20);
        return Math.max(0, Math.min(megabytes, 1L << 30)) << 20;
    }
}
