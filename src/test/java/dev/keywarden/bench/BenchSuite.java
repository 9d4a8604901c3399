package dev.keywarden.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every benchmark at full size: what {@code ./mvnw -Pbench verify} runs (after the package phase, so the
 * launcher and its archive exist), and nothing else does. Prints the table and the BENCH lines, and writes
 * them to {@code target/benchmarks.txt}. Fails only when a benchmark could not run, never on a figure.
 * {@code -Dkeywarden.bench.only=org-load,cli-keys-list} runs only those.
 */
class BenchSuite {

    @Test
    void everyBenchmarkAtFullSize() throws Exception {
        BenchRun run = new BenchRun(Scale.fullSize()).run(Benchmarks.chosen(System.getProperty("keywarden.bench.only")));
        BenchReport report = run.report();
        report.printTo(System.out);
        report.writeTo(Path.of(System.getProperty("keywarden.bench.output", "target/benchmarks.txt")));
        assertThat(run.failures).as("benchmarks that could not run").isEmpty();
    }
}
