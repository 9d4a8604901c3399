package dev.keywarden.bench;

import dev.keywarden.ui.store.KeyRow;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sort-50k}: how long a click on a column header of the console's all-keys table holds the FX thread with
 * 50,000 keys (1000 projects x 50) shown: sorted by Name, by Project, by Last used, then unsorted, alternated. Timed
 * on the FX thread around the change of the table's sort order, inside which the rows are put in their new order; the
 * pulse that lays out the rows after it is not counted. No goal: the admin asked for it and waits on it, but it is
 * the FX thread's, so the window does not draw meanwhile.
 */
final class Sort50kBenchmark implements Benchmark {

    @Override
    public String name() {
        return "sort-50k";
    }

    @Override
    public void run(Scale scale, Figures figures) throws Exception {
        try (BenchOrganisation org = BenchOrganisation.fiftyThousandKeys(scale);
             ConsoleUnderLoad console = new ConsoleUnderLoad(org).showAndLoad()) {
            int all = console.showEveryKey();
            Map<String, List<Double>> times = new LinkedHashMap<>();
            for (String column : List.of("name", "project", "lastUsed", "")) {
                times.put(column, new ArrayList<>());
            }
            // One unmeasured round first, for the JIT.
            for (int round = -1; round < Math.max(3, scale.rounds()); round++) {
                for (Map.Entry<String, List<Double>> column : times.entrySet()) {
                    double seconds = sortBy(console, column.getKey());
                    if (round >= 0) {
                        column.getValue().add(seconds);
                    }
                }
            }
            if (console.shown().size() != all) {
                throw new IllegalStateException("sorting lost rows: " + console.shown().size() + " of " + all);
            }
            double name = FxStallBenchmark.median(times.get("name")) * 1000;
            double project = FxStallBenchmark.median(times.get("project")) * 1000;
            double lastUsed = FxStallBenchmark.median(times.get("lastUsed")) * 1000;
            double unsorted = FxStallBenchmark.median(times.get("")) * 1000;
            String shape = all + " keys (" + org.projects + " projects x " + org.keysPerProject + ")";
            figures.add("sort-50k", Math.max(Math.max(name, project), Math.max(lastUsed, unsorted)), "ms",
                    "the slowest of the sorts below (medians), " + shape + ": the FX thread's time to put the rows in order");
            figures.add("sort-50k-name", name, "ms", "by Name (text in the locale's collation)");
            figures.add("sort-50k-project", project, "ms", "by Project (text in the locale's collation)");
            figures.add("sort-50k-last-used", lastUsed, "ms", "by Last used (a time)");
            figures.add("sort-50k-unsorted", unsorted, "ms", "back to the store's order");
        }
    }

    /** Sorts the all-keys table by the column of this id, or unsorts it for ""; the FX thread's time, in seconds. */
    private static double sortBy(ConsoleUnderLoad console, String columnId) throws Exception {
        return console.fx(() -> {
            TableView<KeyRow> table = console.allKeys().table();
            List<TableColumn<KeyRow, ?>> order = table.getColumns().stream().filter(column -> columnId.equals(column.getId())).toList();
            if (!columnId.isEmpty() && order.isEmpty()) {
                throw new IllegalStateException("no column " + columnId);
            }
            long start = System.nanoTime();
            table.getSortOrder().setAll(order);
            return (System.nanoTime() - start) / 1e9;
        });
    }
}
