package dev.keywarden.e2e;

import java.util.Collection;

/** Call durations, sorted, with nearest-rank percentiles in milliseconds. */
final class LatencySample {

    private final long[] sortedNanos;

    private LatencySample(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    static LatencySample ofNanos(Collection<Long> nanos) {
        return new LatencySample(nanos.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    int count() {
        return sortedNanos.length;
    }

    double percentileMillis(int percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
    }
}
