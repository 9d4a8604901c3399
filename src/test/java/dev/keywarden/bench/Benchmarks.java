package dev.keywarden.bench;

import java.util.List;

/**
 * Every benchmark, in the order they run and are printed. A new one is one more line in the list it belongs to:
 * the normal suite runs each list once at a tiny size in a test class of its own, so that the two share the cores.
 */
final class Benchmarks {
    /**
     * Those whose JVM shows no window: the loader, the bulk executor, the sandbox, and the processes that
     * {@code cli-keys-list} and {@code startup} launch.
     */
    static final List<Benchmark> PLAIN = List.of(
            new OrgLoadBenchmark(),
            new BulkDeactivateBenchmark(),
            new CliKeysListBenchmark(),
            new SandboxThroughputBenchmark(),
            new LeakFindBenchmark(),
            new StartupBenchmark());

    /** Those that open the console's window in the JVM that runs them. */
    static final List<Benchmark> WINDOWED = List.of(
            new FxStallBenchmark(),
            new Filter50kBenchmark(),
            new Sort50kBenchmark(),
            new Heap50kBenchmark(),
            new FirstFillBenchmark());

    static final List<Benchmark> ALL = java.util.stream.Stream.concat(PLAIN.stream(), WINDOWED.stream()).toList();

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
