package dev.keywarden.bench;

import java.util.ArrayList;
import java.util.List;

/** Runs benchmarks one after another at one scale; a benchmark that fails is reported and the others still run. */
final class BenchRun {
    final Scale scale;
    final Figures figures = new Figures();
    final List<String> failures = new ArrayList<>();
    private double loadBefore;
    private double loadAfter;

    BenchRun(Scale scale) {
        this.scale = scale;
    }

    BenchRun run(List<Benchmark> benchmarks) {
        loadBefore = BenchReport.systemLoad();
        for (Benchmark benchmark : benchmarks) {
            try {
                benchmark.run(scale, figures);
            } catch (Exception | AssertionError e) {
                failures.add(benchmark.name() + ": " + e);
                e.printStackTrace();
            }
        }
        loadAfter = BenchReport.systemLoad();
        return this;
    }

    BenchReport report() {
        return new BenchReport(scale, loadBefore, loadAfter, figures.all(), failures);
    }
}
