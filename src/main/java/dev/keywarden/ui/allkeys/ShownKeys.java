package dev.keywarden.ui.allkeys;

import dev.keywarden.core.Delay;
import dev.keywarden.ui.store.KeyRow;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The rows the all-keys table shows: the key store's rows through the {@link AllKeysFilter}, as its
 * {@link FilterCounts} judged them. A change of the filters applies once they have rested for
 * {@link AllKeysFilter#PAUSE} and the rows have been tested off the FX thread, in the one pass that also counts them;
 * the verdicts are applied on the FX thread only if no later change overtook them. Cleared filters show every row at
 * once.
 */
final class ShownKeys {
    private final FilterCounts counts;
    private final FilteredList<KeyRow> filtered;

    /**
     * @param delay  waits out the pause (FxDelay's timer thread; in tests, the test)
     * @param worker tests the rows (a daemon thread; in tests, the calling one)
     * @param fx     applies the verdicts (the FX thread)
     */
    ShownKeys(ObservableList<KeyRow> rows, AllKeysFilter filter, Delay delay, Executor worker, Executor fx) {
        this.counts = new FilterCounts(filter, rows, delay, worker, fx);
        this.filtered = new FilteredList<>(rows, predicate(counts.criteria()));
        counts.onApplied(criteria -> filtered.setPredicate(predicate(criteria)));
    }

    /** The rows shown, in the store's order; read-only. */
    FilteredList<KeyRow> rows() {
        return filtered;
    }

    /** How many rows each filter choice would show. */
    FilterCounts counts() {
        return counts;
    }

    /** A new predicate each time (the list filters again only for a new one); null shows every row. */
    private Predicate<KeyRow> predicate(AllKeysFilter.Criteria criteria) {
        if (!criteria.isActive()) {
            return null;
        }
        return new Predicate<>() {
            @Override
            public boolean test(KeyRow row) {
                return counts.shows(row);
            }
        };
    }
}
