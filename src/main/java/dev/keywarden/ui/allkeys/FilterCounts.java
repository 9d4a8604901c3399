package dev.keywarden.ui.allkeys;

import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.store.KeyRow;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * How many keys each status, staleness and lifecycle choice would show, with the other filters as they are: counted in
 * one pass over the rows, at most once for any number of changes handed to {@code later} together (a load
 * that lists hundreds of projects recounts once per batch, not once per key).
 */
final class FilterCounts {
    private final AllKeysFilter filter;
    private final ObservableList<KeyRow> rows;
    private final Executor later;
    private final Map<Object, ReadOnlyLongWrapper> counts = new HashMap<>();
    private boolean pending;

    FilterCounts(AllKeysFilter filter, ObservableList<KeyRow> rows, Executor later) {
        this.filter = filter;
        this.rows = rows;
        this.later = later;
        InvalidationListener changed = observable -> recountLater();
        rows.addListener(changed);
        filter.textProperty().addListener(changed);
        filter.statusProperty().addListener(changed);
        filter.staleProperty().addListener(changed);
        filter.lifecycleProperty().addListener(changed);
        recount();
    }

    /**
     * The number of keys this choice (an {@link AllKeysFilter.Status}, {@link AllKeysFilter.Stale} or
     * {@link AllKeysFilter.Lifecycle}) would show.
     */
    ReadOnlyLongProperty countOf(Object choice) {
        return counts.computeIfAbsent(choice, any -> new ReadOnlyLongWrapper(this, "count")).getReadOnlyProperty();
    }

    private void recountLater() {
        if (!pending) {
            pending = true;
            later.execute(() -> {
                pending = false;
                recount();
            });
        }
    }

    void recount() {
        AllKeysFilter.Status[] statuses = AllKeysFilter.Status.values();
        List<AllKeysFilter.Stale> stales = filter.staleChoices();
        long[] byStatus = new long[statuses.length];
        long[] byStale = new long[stales.size()];
        AllKeysFilter.Lifecycle[] lifecycles = AllKeysFilter.Lifecycle.values();
        long[] byLifecycle = new long[lifecycles.length];
        AllKeysFilter.Status status = filter.statusOrAll();
        AllKeysFilter.Stale stale = filter.staleOrAny();
        AllKeysFilter.Lifecycle lifecycle = filter.lifecycleOrAny();
        Instant now = filter.now();
        for (KeyRow row : rows) {
            ApiKey key = row.key();
            if (!filter.matchesText(row, key)) {
                continue;
            }
            boolean staleAsChosen = stale.test(filter.staleness(), key);
            boolean statusAsChosen = status.test(key);
            boolean lifecycleAsChosen = lifecycle.test(key, now);
            for (int i = 0; i < statuses.length; i++) {
                if (staleAsChosen && lifecycleAsChosen && statuses[i].test(key)) {
                    byStatus[i]++;
                }
            }
            if (statusAsChosen && lifecycleAsChosen) {
                for (int i = 0; i < byStale.length; i++) {
                    if (stales.get(i).test(filter.staleness(), key)) {
                        byStale[i]++;
                    }
                }
            }
            if (statusAsChosen && staleAsChosen) {
                for (int i = 0; i < lifecycles.length; i++) {
                    if (lifecycles[i].test(key, now)) {
                        byLifecycle[i]++;
                    }
                }
            }
        }
        for (int i = 0; i < statuses.length; i++) {
            set(statuses[i], byStatus[i]);
        }
        for (int i = 0; i < byStale.length; i++) {
            set(stales.get(i), byStale[i]);
        }
        for (int i = 0; i < lifecycles.length; i++) {
            set(lifecycles[i], byLifecycle[i]);
        }
    }

    private void set(Object choice, long count) {
        counts.computeIfAbsent(choice, any -> new ReadOnlyLongWrapper(this, "count")).set(count);
    }
}
