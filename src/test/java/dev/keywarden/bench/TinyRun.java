package dev.keywarden.bench;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs benchmarks once at a tiny size and checks that each ran and gave its figures. No figure is checked
 * against its goal: only that it was measured.
 */
final class TinyRun {
    private TinyRun() {
    }

    /**
     * The names of the figures that {@code benchmarks} gave, after checking each gave at least one, all positive (a count
     * of stalls may be zero).
     */
    static List<String> figuresOf(List<Benchmark> benchmarks) {
        BenchRun run = new BenchRun(Scale.tinySize()).run(benchmarks);
        run.report().printTo(System.out);

        assertThat(run.failures).isEmpty();
        List<String> names = run.figures.all().stream().map(Figure::name).toList();
        for (Benchmark benchmark : benchmarks) {
            assertThat(names).as("figures of " + benchmark.name()).anyMatch(name -> name.startsWith(benchmark.name()));
        }
        assertThat(run.figures.all()).allSatisfy(figure -> {
            if (figure.unit().equals(FxStallBenchmark.STALLS_UNIT)) {
                assertThat(figure.value()).isNotNegative();
            } else {
                assertThat(figure.value()).isPositive();
            }
        });
        return names;
    }
}
