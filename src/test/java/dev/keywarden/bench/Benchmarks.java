package dev.keywarden.bench;

import java.util.List;

/** Every benchmark, in the order they run and are printed. A new one is one more line here. */
final class Benchmarks {
    static final List<Benchmark> ALL = List.of(
            new OrgLoadBenchmark(),
            new BulkDeactivateBenchmark(),
            new CliKeysListBenchmark(),
            new SandboxThroughputBenchmark(),
            new LeakFindBenchmark(),
            new StartupBenchmark(),
            new FxStallBenchmark(),
            new Filter50kBenchmark(),
            new Sort50kBenchmark(),
            new Heap50kBenchmark());

    private Benchmarks() {
    }

    /** Those named in {@code names} (comma-separated), or all when it is null or blank. */
    static List<Benchmark> chosen(String names) {
        if (names == null || names.isBlank()) {
            return ALL;
        }
        List<String> wanted = java.util.Arrays.stream(names.split(",")).map(String::strip).toList();
        List<Benchmark> chosen = ALL.stream().filter(benchmark -> wanted.contains(benchmark.name())).toList();
        if (chosen.size() != wanted.size()) {
            throw new IllegalArgumentException("keywarden.bench.only names " + wanted + "; the benchmarks are "
                    + ALL.stream().map(Benchmark::name).toList());
        }
        return chosen;
    }
}
