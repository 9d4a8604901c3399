package dev.keywarden.api;

import java.time.Duration;

/** One call's overall time limit, shared by all its attempts and the waits between them. */
final class Deadline {
    private final Duration total;
    private final long endNanos;

    private Deadline(Duration total, long endNanos) {
        this.total = total;
        this.endNanos = endNanos;
    }

    static Deadline after(Duration total) {
        return new Deadline(total, System.nanoTime() + total.toNanos());
    }

    Duration total() {
        return total;
    }

    /** Never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean hasPassed() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** Whether waiting {@code delay} and then trying again still leaves time for an answer. */
    boolean allowsWaiting(Duration delay) {
        return delay.compareTo(remaining()) < 0;
    }
}
