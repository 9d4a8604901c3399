package dev.keywarden.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How long each run of one variant took. */
public final class Samples {
    private final List<Duration> runs = new ArrayList<>();

    void add(Duration took) {
        runs.add(took);
    }

    public int count() {
        return runs.size();
    }

    /** The median in seconds (of an even count, the mean of the middle two). */
    public double medianSeconds() {
        double[] seconds = runs.stream().mapToDouble(run -> run.toNanos() / 1e9).sorted().toArray();
        int middle = seconds.length / 2;
        return seconds.length % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
    }

    public double totalSeconds() {
        return runs.stream().mapToDouble(run -> run.toNanos() / 1e9).sum();
    }

    public double minSeconds() {
        return runs.stream().mapToDouble(run -> run.toNanos() / 1e9).min().orElseThrow();
    }

    public double maxSeconds() {
        return runs.stream().mapToDouble(run -> run.toNanos() / 1e9).max().orElseThrow();
    }

    /** For the table's notes: {@code median 1.08 s (1.02-1.31, 3 runs)}. */
    public String spread() {
        return "min " + Figures.number(minSeconds()) + ", max " + Figures.number(maxSeconds()) + " s, " + count() + " runs";
    }
}
