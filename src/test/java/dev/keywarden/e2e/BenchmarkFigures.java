package dev.keywarden.e2e;

import java.time.Duration;

/** What one {@link BenchmarkRun} measured: one row of the printed table. */
record BenchmarkFigures(BenchmarkRun run, Duration buildTime, MeasuredOpen open,
                        long heapBeforeBytes, long heapAfterBytes, double jsonBytesPerKey, LatencySample toggles) {

    double callsPerSecond() {
        return open.calls().count() / (open.wallTime().toNanos() / 1e9);
    }
}
