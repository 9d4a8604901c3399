package dev.keywarden.e2e;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints the figures as a fixed-width table, every line prefixed so it can be grepped out of the build log. */
final class BenchmarkTable {

    private static final String PREFIX = "[benchmark] ";
    private static final String ROW = "%-10s %7s %6s %8s %9s %6s %8s %8s %8s %9s %9s %8s %9s %9s";
    private static final double MIB = 1024 * 1024;

    private final List<BenchmarkFigures> rows = new ArrayList<>();

    void add(BenchmarkFigures figures) {
        rows.add(figures);
    }

    void printTo(PrintStream out) {
        out.println(PREFIX + "console open = organization() + listProjects() + listOrganizationApiKeys() + listApiKeys(p) for every project on "
                + MeasuredOpen.LOADER.parallelism() + " threads; one warm-up open before each measured one");
        out.println(PREFIX + "JVM " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs, max heap " + Math.round(Runtime.getRuntime().maxMemory() / MIB) + " MiB, sandbox TCP_NODELAY "
                + System.getProperty("sun.net.httpserver.nodelay", "false (JDK default)"));
        out.println(PREFIX + ROW.formatted("projxkeys", "latency", "keys", "build ms", "open ms", "calls", "calls/s",
                "call p50", "call p95", "heap0 MiB", "heap1 MiB", "JSON B/k", "tgl p50", "tgl p95"));
        for (BenchmarkFigures row : rows) {
            out.println(PREFIX + ROW.formatted(
                    row.run().projects() + "x" + row.run().keysPerProject(),
                    row.run().latency().toMillis() + "ms",
                    row.open().keyCount(),
                    row.buildTime().toMillis(),
                    row.open().wallTime().toMillis(),
                    row.open().calls().count(),
                    "%.0f".formatted(row.callsPerSecond()),
                    millis(row.open().calls().percentileMillis(50)),
                    millis(row.open().calls().percentileMillis(95)),
                    "%.1f".formatted(row.heapBeforeBytes() / MIB),
                    "%.1f".formatted(row.heapAfterBytes() / MIB),
                    "%.0f".formatted(row.jsonBytesPerKey()),
                    millis(row.toggles().percentileMillis(50)),
                    millis(row.toggles().percentileMillis(95))));
        }
        out.println(PREFIX + "call/tgl p50/p95 in ms; tgl = " + OrgScaleBenchmark.TOGGLES
                + " sequential setApiKeyValid(false); heap0/heap1 = heap used after GC before/after the measured open");
    }

    private static String millis(double value) {
        return "%.1f".formatted(value);
    }
}
