package dev.keywarden.bench;

import dev.keywarden.ui.allkeys.AllKeysFilter;
import dev.keywarden.ui.store.KeyRow;

import dev.keywarden.core.keys.Staleness;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code filter-50k}: how long the all-keys table of the console (the real {@code AllKeysPane}, its
 * {@link AllKeysFilter} and the key store) takes to show the result of a filter over 50,000 keys (1000 projects x
 * 50): a project's name pasted into the filter (50 rows), a key name (1000 rows), and the filter cleared (every
 * row), alternated. Timed from the text set to the table's rows changed (recorded on the FX thread); the
 * deliberate pause after typing ({@code AllKeysFilter.PAUSE}) is reported apart and not counted.
 */
final class Filter50kBenchmark implements Benchmark {

    @Override
    public String name() {
        return "filter-50k";
    }

    @Override
    public void run(Scale scale, Figures figures) throws Exception {
        try (BenchOrganisation org = BenchOrganisation.fiftyThousandKeys(scale);
             ConsoleUnderLoad console = new ConsoleUnderLoad(org).showAndLoad()) {
            int all = console.showEveryKey();
            double pause = AllKeysFilter.PAUSE.toNanos() / 1e9;
            String keyName = "Key %02d".formatted(Math.min(7, org.keysPerProject));
            AllKeysFilter byName = new AllKeysFilter(new Staleness(Clock.systemUTC(), List.of(30)));
            byName.textProperty().set(keyName);
            int named = console.fx(() -> (int) console.window().model().projects().store().rows().stream().filter(byName::matches).count());
            List<Double> project = new ArrayList<>();
            List<Double> keyNamed = new ArrayList<>();
            List<Double> cleared = new ArrayList<>();
            List<Double> fxCpu = new ArrayList<>();
            // One unmeasured round first, for the JIT.
            for (int round = -1; round < scale.pick(Math.max(3, scale.rounds()), 1); round++) {
                String needle = "Project %04d".formatted(1 + (round + 2) * 97 % org.projects);
                double p = time(console, needle, org.keysPerProject) - pause;
                if (round >= 0) {
                    fxCpu.add(lastFxCpu);
                }
                double c = time(console, "", all) - pause;
                double k = time(console, keyName, named) - pause;
                double c2 = time(console, "", all) - pause;
                if (round >= 0) {
                    project.add(p);
                    keyNamed.add(k);
                    cleared.add(Math.max(c, c2));
                }
            }
            double worst = Math.max(FxStallBenchmark.median(project), Math.max(FxStallBenchmark.median(keyNamed),
                    FxStallBenchmark.median(cleared)));
            String shape = all + " keys (" + org.projects + " projects x " + org.keysPerProject + ")";
            figures.add("filter-50k", worst * 1000, "ms", Goal.atMost(50), "the slowest of the three filters below (medians), "
                    + shape + ", after the " + AllKeysFilter.PAUSE.toMillis() + " ms pause");
            figures.add("filter-50k-project", FxStallBenchmark.median(project) * 1000, "ms", "a project's name pasted: "
                    + org.keysPerProject + " rows shown; worst " + Figures.number(FxStallBenchmark.max(project) * 1000) + " ms");
            figures.add("filter-50k-key-name", FxStallBenchmark.median(keyNamed) * 1000, "ms", "a key's name: " + named
                    + " rows; worst " + Figures.number(FxStallBenchmark.max(keyNamed) * 1000) + " ms");
            figures.add("filter-50k-fx-cpu", FxStallBenchmark.median(fxCpu) * 1000, "ms", "CPU time the FX thread spent while a project's"
                    + " name was applied (snapshot, verdicts applied, table updated, counts; the benchmark's polling included)");
            figures.add("filter-50k-cleared", FxStallBenchmark.median(cleared) * 1000, "ms", "back to every row; worst "
                    + Figures.number(FxStallBenchmark.max(cleared) * 1000) + " ms");
        }
    }

    /** Sets the filter's text as a paste does and waits for the table to show {@code expected} rows; seconds. */
    private static double time(ConsoleUnderLoad console, String text, int expected) throws Exception {
        long fxCpu = THREADS.getThreadCpuTime(console.fx(() -> Thread.currentThread().getId()));
        long start = System.nanoTime();
        console.fx(() -> {
            console.allKeys().filterField().setText(text);
            return null;
        });
        console.await("the filter " + text + " shows " + expected + " rows", Duration.ofMinutes(1), () -> console.shown().size() == expected
                && console.shown().stream().allMatch(KeyRow.class::isInstance));
        long fxThread = console.fx(() -> Thread.currentThread().getId());
        lastFxCpu = (THREADS.getThreadCpuTime(fxThread) - fxCpu) / 1e9;
        return Math.max(0, console.lastShownChange() - start) / 1e9;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** The FX thread's CPU time during the last {@link #time}, the polling included. */
    private static double lastFxCpu;
}
