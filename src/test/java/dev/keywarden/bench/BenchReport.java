package dev.keywarden.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a run: the machine, a readable table, then (last) one line per figure for scripts:
 * {@code BENCH <name> <value> <unit>}. The same lines are written to a file if one is given.
 */
final class BenchReport {
    private final List<String> lines = new ArrayList<>();

    BenchReport(Scale scale, double loadBefore, double loadAfter, List<Figure> figures, List<String> failures) {
        Runtime runtime = Runtime.getRuntime();
        lines.add("Keywarden benchmarks (" + (scale.full() ? "full size" : "tiny size") + "): medians of " + scale.rounds()
                + " alternated run(s) per variant; ratios from the same run" + (scale.full() ? ""
                : "; goals apply to the full size only"));
        lines.add("Machine: " + runtime.availableProcessors() + " CPUs, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + "), max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB; load average "
                + load(loadBefore) + " before, " + load(loadAfter) + " after");
        lines.add("");
        String row = "%-28s %10s %-6s %-8s %-7s %s";
        lines.add(String.format(Locale.ROOT, row, "figure", "value", "unit", "goal", "", "how"));
        for (Figure figure : figures) {
            lines.add(String.format(Locale.ROOT, row, figure.name(), Figures.number(figure.value()), figure.unit(),
                    figure.goal() == null ? "" : figure.goal().text(), scale.full() ? figure.verdict() : "", figure.note()));
        }
        failures.forEach(failure -> lines.add("FAILED " + failure));
        lines.add("");
        for (Figure figure : figures) {
            lines.add("BENCH " + figure.name() + " " + Figures.number(figure.value()) + " " + figure.unit());
        }
    }

    static double systemLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String load(double load) {
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
    }

    void printTo(PrintStream out) {
        lines.forEach(out::println);
        out.flush();
    }

    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
