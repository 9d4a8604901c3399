package dev.keywarden.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks whose JVM shows no window ({@link Benchmarks#PLAIN}), once at a tiny size, so that a change that
 * breaks one is found by the normal suite; {@link WindowedBenchmarksTest} runs the others beside it.
 */
class PlainBenchmarksTest {

    @Test
    void eachRunsAtATinySizeAndGivesItsFigures() {
        List<String> names = TinyRun.figuresOf(Benchmarks.PLAIN);

        assertThat(names).contains("org-load-vs-bound", "org-load-speedup-c8", "bulk-deactivate-vs-bound",
                "bulk-deactivate-speedup", "cli-keys-list-speedup", "sandbox-throughput-ratio", "startup");
    }
}
