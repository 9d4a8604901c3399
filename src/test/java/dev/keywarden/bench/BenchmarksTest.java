package dev.keywarden.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every benchmark once at a tiny size, so that a change that breaks one is found by the normal suite. No
 * figure is checked against its goal here: only that each benchmark ran and gave its figures.
 */
class BenchmarksTest {

    @Test
    void everyBenchmarkRunsAtATinySizeAndGivesItsFigures() {
        BenchRun run = new BenchRun(Scale.tinySize()).run(Benchmarks.ALL);
        run.report().printTo(System.out);

        assertThat(run.failures).isEmpty();
        List<String> names = run.figures.all().stream().map(Figure::name).toList();
        for (Benchmark benchmark : Benchmarks.ALL) {
            assertThat(names).as("figures of " + benchmark.name()).anyMatch(name -> name.startsWith(benchmark.name()));
        }
        assertThat(run.figures.all()).allSatisfy(figure -> assertThat(figure.value()).isPositive());
        assertThat(names).contains("org-load-vs-bound", "org-load-speedup-c8", "bulk-deactivate-vs-bound",
                "bulk-deactivate-speedup", "cli-keys-list-speedup", "sandbox-throughput-ratio");
    }
}
