package dev.keywarden.core.pacing;

import java.time.Duration;
import java.util.Arrays;

/**
 * How many calls may be in flight now: starts at the cap and moves below it when the server pushes back.
 * <ul>
 * <li>A call that ends rate-limited or unavailable (429 or 503, after the gateway's own retries, which
 * honour {@code Retry-After}) halves the limit, at most once per window.</li>
 * <li>Every window of {@code max(limit, 4)} answered calls, the window's median duration is compared
 * with the lowest window median seen: more than twice that plus {@value #SLACK_MILLIS} ms (the server
 * or the network is queueing, or the gateway waited out {@code Retry-After}) takes a quarter off the
 * limit; otherwise the limit rises by one, up to the cap.</li>
 * </ul>
 * It never goes below 1 nor above the cap. Thread-safe.
 */
public final class AdaptiveLimit {
    static final long SLACK_MILLIS = 20;
    private static final int MIN_WINDOW = 4;

    private final int cap;
    private int limit;
    private int inFlight;
    private long[] window;
    private int windowSize;
    private long lowestMedian = Long.MAX_VALUE;
    private int sinceDecrease;

    public AdaptiveLimit(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("the cap must be at least 1");
        }
        this.cap = cap;
        this.limit = cap;
        this.sinceDecrease = cap;
        this.window = new long[Math.max(cap, MIN_WINDOW)];
    }

    public int cap() {
        return cap;
    }

    public synchronized int limit() {
        return limit;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    /** Waits until fewer than {@link #limit()} calls are in flight, and counts this one. */
    public synchronized void acquire() throws InterruptedException {
        while (inFlight >= limit) {
            wait();
        }
        inFlight++;
    }

    /**
     * One call ended.
     *
     * @param took       how long it took, retries and their waits included
     * @param pushedBack the server said it is overloaded (429 or 503)
     */
    public synchronized void release(Duration took, boolean pushedBack) {
        inFlight--;
        sinceDecrease++;
        if (pushedBack) {
            if (sinceDecrease >= limit) {
                setLimit(limit / 2);
            }
        } else {
            window[windowSize++] = took.toNanos();
            if (windowSize >= Math.max(limit, MIN_WINDOW) || windowSize == window.length) {
                judgeWindow();
            }
        }
        notifyAll();
    }

    private void judgeWindow() {
        long[] durations = Arrays.copyOf(window, windowSize);
        Arrays.sort(durations);
        long median = durations[durations.length / 2];
        lowestMedian = Math.min(lowestMedian, median);
        if (median > 2 * lowestMedian + Duration.ofMillis(SLACK_MILLIS).toNanos()) {
            if (sinceDecrease >= limit) {
                setLimit(limit - Math.max(1, limit / 4));
            }
        } else if (limit < cap) {
            limit++;
        }
        windowSize = 0;
    }

    private void setLimit(int wanted) {
        limit = Math.max(1, Math.min(cap, wanted));
        sinceDecrease = 0;
        windowSize = 0;
    }

    @Override
    public synchronized String toString() {
        return "AdaptiveLimit[" + limit + " of at most " + cap + ", " + inFlight + " in flight]";
    }
}
