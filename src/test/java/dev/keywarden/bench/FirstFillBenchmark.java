package dev.keywarden.bench;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.KeyStore;
import javafx.scene.Scene;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code fx-first-fill}: the wall time of the CSS pass and layout of the pulse that shows the first rows of the emptied
 * all-keys table (1000 projects x 50 keys loaded once, then forgotten, as a change of connection does), the phase
 * where {@code fx-stall}'s loads often had their longest gap. Each fill hands the store the projects and the first
 * 40 projects' keys (2,000, about what one delivery of a load brings) in one batch, as the loader's deliveries do,
 * and times the next pulse from before its CSS pass to after its layout ({@link Scene}'s pulse listeners). A JVM's
 * first fills run JavaFX's row-filling code before the JIT has compiled it (run this benchmark alone to see them:
 * the windowed benchmarks share one JVM); the figure is the cost once compiled. No goal: a phase of {@code fx-stall},
 * measured apart.
 */
final class FirstFillBenchmark implements Benchmark {
    /** Fills printed one by one: the JIT's work shows in them when this benchmark runs alone. */
    private static final int PRINTED_FILLS = 8;
    private static final int BATCH_PROJECTS = 40;

    @Override
    public String name() {
        return "fx-first-fill";
    }

    @Override
    public void run(Scale scale, Figures figures) throws Exception {
        int fills = scale.pick(60, 4);
        try (BenchOrganisation org = BenchOrganisation.fiftyThousandKeys(scale);
             ConsoleUnderLoad console = new ConsoleUnderLoad(org).showAndLoad()) {
            console.showEveryKey();
            KeyStore store = console.window().model().projects().store();
            Map<Project, List<ApiKey>> keys = console.fx(() -> keysByProject(console, store));
            PulseTimer timer = console.fx(() -> new PulseTimer(console.allKeys().table().getScene()));
            List<Double> times = new ArrayList<>();
            int batchKeys = 0;
            for (int fill = 0; fill < fills; fill++) {
                console.forgetKeys();
                Thread.sleep(100); // the emptied table's own pulses done, as when a load's first answer comes
                int[] handedAndShown = console.fx(() -> {
                    timer.arm();
                    int handed = fillFirst(store, keys);
                    return new int[] {handed, console.shown().size()};
                });
                batchKeys = handedAndShown[0];
                Thread.sleep(150); // several frames: the pulse that lays the rows out has run
                double[] pulseSeconds = console.fx(timer::disarm);
                if (pulseSeconds.length == 0 || handedAndShown[1] != batchKeys) {
                    throw new IllegalStateException(pulseSeconds.length + " pulses after the fill; " + handedAndShown[1]
                            + " of " + batchKeys + " keys in the table before the first");
                }
                times.add(pulseSeconds[0]);
            }
            double warm = FxStallBenchmark.median(times.subList(fills / 2, fills));
            String first = times.stream().limit(PRINTED_FILLS).map(time -> Figures.number(time * 1000))
                    .collect(Collectors.joining(", "));
            figures.add("fx-first-fill", warm * 1000, "ms", "the wall time of the CSS pass and layout of the pulse that"
                    + " shows the first " + batchKeys + " rows of the emptied all-keys table: median of the last "
                    + (fills - fills / 2) + " of " + fills + " fills (no goal); the first "
                    + Math.min(PRINTED_FILLS, fills) + " took " + first + " ms");
        }
    }

    private static Map<Project, List<ApiKey>> keysByProject(ConsoleUnderLoad console, KeyStore store) {
        Map<Project, List<ApiKey>> keys = new LinkedHashMap<>();
        for (ProjectRow row : console.window().model().projects().rows()) {
            keys.put(row.project(), store.keysOf(row.id()).stream().map(KeyRow::key).toList());
        }
        return keys;
    }

    /** As a load's delivery: the projects listed and the first projects' keys, in one batch; the keys handed over. */
    private static int fillFirst(KeyStore store, Map<Project, List<ApiKey>> keys) {
        int[] handed = {0};
        store.inBatch(() -> {
            store.projectsListed(List.copyOf(keys.keySet()), store.stamp());
            keys.entrySet().stream().limit(BATCH_PROJECTS).forEach(projectKeys -> {
                store.projectKeysListed(projectKeys.getKey(), projectKeys.getValue(), store.stamp());
                handed[0] += projectKeys.getValue().size();
            });
        });
        return handed[0];
    }

    /** The wall time of each pulse's CSS pass and layout while armed (FX thread only). */
    private static final class PulseTimer {
        private final List<Double> laidOut = new ArrayList<>();
        private boolean armed;
        private long began;

        PulseTimer(Scene scene) {
            scene.addPreLayoutPulseListener(() -> began = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                if (armed) {
                    laidOut.add((System.nanoTime() - began) / 1e9);
                }
            });
        }

        void arm() {
            laidOut.clear();
            armed = true;
        }

        /** The armed pulses' times, in seconds, in order. */
        double[] disarm() {
            armed = false;
            return laidOut.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
