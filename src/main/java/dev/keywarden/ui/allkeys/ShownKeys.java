package dev.keywarden.ui.allkeys;

import dev.keywarden.core.Delay;
import dev.keywarden.core.Generation;
import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.store.KeyRow;
import javafx.beans.Observable;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The rows the all-keys table shows: the key store's rows through the {@link AllKeysFilter}. A change of the
 * filters is applied once they have rested for {@link AllKeysFilter#PAUSE} (typing does not filter 50,000 rows per
 * key pressed). Then the rows are snapshot on the FX thread (row, key, project name), tested on a worker thread
 * against the frozen {@link AllKeysFilter.Criteria}, and the verdicts applied on the FX thread only if no later
 * change overtook them ({@link Generation}). A row that changed or arrived since its snapshot is tested as it is, on
 * the FX thread (a few rows at a time). The store stays the one truth: this holds verdicts, never keys.
 */
final class ShownKeys {
    private final ObservableList<KeyRow> rows;
    private final AllKeysFilter filter;
    private final Delay delay;
    private final Executor worker;
    private final Executor fx;
    private final FilteredList<KeyRow> filtered;
    private final Generation changes = new Generation();

    /** A row as it was tested: shown while its key and project name are still these. */
    private record Verdict(ApiKey key, String ownerLabel, boolean shown) {
    }

    private record Seen(KeyRow row, ApiKey key, String ownerLabel) {
    }

    /**
     * @param delay  waits out the pause (the FX timer; in tests, the test)
     * @param worker tests the rows (a daemon thread; in tests, the calling one)
     * @param fx     applies the verdicts (the FX thread)
     */
    ShownKeys(ObservableList<KeyRow> rows, AllKeysFilter filter, Delay delay, Executor worker, Executor fx) {
        this.rows = rows;
        this.filter = filter;
        this.delay = delay;
        this.worker = worker;
        this.fx = fx;
        this.filtered = new FilteredList<>(rows, predicate(filter.criteria(), Map.of()));
        for (Observable criterion : filter.observables()) {
            criterion.addListener(changed -> changed());
        }
    }

    /** The rows shown, in the store's order; read-only. */
    FilteredList<KeyRow> rows() {
        return filtered;
    }

    private void changed() {
        Generation.Token token = changes.next();
        delay.after(AllKeysFilter.PAUSE, () -> {
            if (token.isCurrent()) {
                filterNow(token);
            }
        });
    }

    private void filterNow(Generation.Token token) {
        AllKeysFilter.Criteria criteria = filter.criteria();
        if (!criteria.isActive()) {
            filtered.setPredicate(null);
            return;
        }
        List<Seen> snapshot = new ArrayList<>(rows.size());
        for (KeyRow row : rows) {
            snapshot.add(new Seen(row, row.key(), row.ownerLabel()));
        }
        worker.execute(() -> {
            Map<KeyRow, Verdict> verdicts = new IdentityHashMap<>(snapshot.size() * 2);
            for (Seen seen : snapshot) {
                verdicts.put(seen.row(), new Verdict(seen.key(), seen.ownerLabel(),
                        criteria.matches(seen.ownerLabel(), seen.row().projectId(), seen.key())));
            }
            fx.execute(() -> {
                if (token.isCurrent()) {
                    filtered.setPredicate(predicate(criteria, verdicts));
                }
            });
        });
    }

    private static Predicate<KeyRow> predicate(AllKeysFilter.Criteria criteria, Map<KeyRow, Verdict> verdicts) {
        if (!criteria.isActive()) {
            return null;
        }
        return row -> {
            Verdict verdict = verdicts.get(row);
            return verdict != null && verdict.key() == row.key() && verdict.ownerLabel().equals(row.ownerLabel())
                    ? verdict.shown() : criteria.matches(row);
        };
    }
}
