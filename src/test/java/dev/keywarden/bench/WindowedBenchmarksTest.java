package dev.keywarden.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmarks that open the console's window ({@link Benchmarks#WINDOWED}), once at a tiny size. */
class WindowedBenchmarksTest {

    @Test
    void eachRunsAtATinySizeAndGivesItsFigures() {
        List<String> names = TinyRun.figuresOf(Benchmarks.WINDOWED);

        assertThat(names).contains("fx-stall", "fx-stall-load", "fx-stall-load-stalls", "fx-stall-typing", "fx-stall-reload", "filter-50k", "sort-50k", "heap-50k", "fx-first-fill");
    }
}
