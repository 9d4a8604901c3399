package dev.keywarden.ui.allkeys;

import dev.keywarden.core.Delay;
import dev.keywarden.core.Generation;
import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.store.KeyRow;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * How many keys each status, staleness and lifecycle choice would show, with the other filters as they are, and
 * whether each row is shown ({@link #shows}): one verdict per row, a bit per choice, which the table's filter
 * ({@link ShownKeys}) reads too, so the rows are tested once for both. Counted incrementally: each row remembers
 * which choices it adds to, so rows added, removed or changed (a batch of a load, a key switched off) move the counts
 * by what they add, without a pass over the rest. A change of the filters recounts every row after
 * {@link AllKeysFilter#PAUSE} (typing does not test 50,000 rows per key pressed), on a worker thread over a snapshot
 * taken on the FX thread (row, key, project name); rows that changed meanwhile are counted again on the FX thread when
 * the recount lands, and a recount overtaken by a later change is dropped. The store stays the one truth: this holds
 * verdicts, never keys.
 */
final class FilterCounts {
    /** Stores at least this large are judged in two halves at once. */
    static final int SPLIT_ABOVE = 10_000;

    private final AllKeysFilter filter;
    private final ObservableList<KeyRow> rows;
    private final Delay delay;
    private final Executor worker;
    private final Executor fx;
    private final List<Object> choices = new ArrayList<>();
    private final AllKeysFilter.Status[] statuses = AllKeysFilter.Status.values();
    private final List<AllKeysFilter.Stale> stales;
    private final AllKeysFilter.Lifecycle[] lifecycles = AllKeysFilter.Lifecycle.values();
    private final Map<Object, ReadOnlyLongWrapper> counts = new HashMap<>();
    private final Generation recounts = new Generation();
    private AllKeysFilter.Criteria criteria;
    private long[] tally;
    /** The choices each row adds to, one bit each (statuses, staleness choices, lifecycle choices), as last tested. */
    private RowVerdicts adds;
    /** Told on the FX thread of filters that now apply (a recount landed, or the filters were cleared). */
    private java.util.function.Consumer<AllKeysFilter.Criteria> applied = criteria -> { };
    /** While a recount is out: rows changed since its snapshot, and whether they are still there. */
    private Map<KeyRow, Boolean> changedSince;
    /** Whether every row the recount that is out counted has left since its snapshot (a change of connection). */
    private boolean countedLeft;

    FilterCounts(AllKeysFilter filter, ObservableList<KeyRow> rows, Delay delay, Executor worker, Executor fx) {
        this.filter = filter;
        this.rows = rows;
        this.delay = delay;
        this.worker = worker;
        this.fx = fx;
        this.stales = filter.staleChoices();
        choices.addAll(List.of(statuses));
        choices.addAll(stales);
        choices.addAll(List.of(lifecycles));
        if (choices.size() > Long.SIZE) {
            throw new IllegalArgumentException("at most " + Long.SIZE + " choices can be counted, not " + choices.size());
        }
        this.criteria = filter.criteria();
        countNothing();
        for (KeyRow row : rows) {
            add(row);
        }
        publish();
        rows.addListener(this::rowsChanged);
        for (Observable criterion : filter.observables()) {
            criterion.addListener(changed -> filterChanged());
        }
    }

    /**
     * The number of keys this choice (an {@link AllKeysFilter.Status}, {@link AllKeysFilter.Stale} or
     * {@link AllKeysFilter.Lifecycle}) would show.
     */
    ReadOnlyLongProperty countOf(Object choice) {
        return counts.computeIfAbsent(choice, any -> new ReadOnlyLongWrapper(this, "count")).getReadOnlyProperty();
    }

    /** The filters the counts and {@link #shows} are at: those of the last recount that landed. */
    AllKeysFilter.Criteria criteria() {
        return criteria;
    }

    /**
     * Whether the row is shown under {@link #criteria()}: the bit of the chosen status is set only when the row
     * passes every filter. A row changed since its verdict (the table may ask before this hears of the change) is
     * tested as it is.
     */
    boolean shows(KeyRow row) {
        long bits = adds.isCurrent(row) ? adds.bitsOf(row) : bits(criteria, row.ownerLabel(), row.projectId(), row.key());
        return (bits & (1L << criteria.status().ordinal())) != 0;
    }

    /**
     * Told on the FX thread each time other filters apply: when a recount lands, and at once (before it) when the
     * filters were cleared, since every row is then shown whatever the counts.
     */
    void onApplied(java.util.function.Consumer<AllKeysFilter.Criteria> then) {
        this.applied = then;
    }

    private void rowsChanged(ListChangeListener.Change<? extends KeyRow> change) {
        if (rows.isEmpty()) {
            noRowsLeft();
            return;
        }
        while (change.next()) {
            if (change.wasPermutated()) {
                continue;
            }
            if (change.wasUpdated()) {
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    KeyRow row = change.getList().get(i);
                    remove(row);
                    add(row);
                    noteChanged(row, true);
                }
                continue;
            }
            for (KeyRow row : change.getRemoved()) {
                remove(row);
                noteChanged(row, false);
            }
            for (KeyRow row : change.getAddedSubList()) {
                add(row);
                noteChanged(row, true);
            }
        }
        publish();
    }

    /**
     * Every row left (a change of connection forgets 50,000 at once): the counts start again from nothing, without a
     * look at each row that left, here or when a recount that is out lands.
     */
    private void noRowsLeft() {
        countNothing();
        if (changedSince != null) {
            changedSince.clear();
            countedLeft = true;
        }
        publish();
    }

    /** No verdict and no count: as before the first row. */
    private void countNothing() {
        adds = RowVerdicts.forSerialsBelow(0);
        tally = new long[choices.size()];
    }

    private void noteChanged(KeyRow row, boolean present) {
        if (changedSince != null) {
            changedSince.put(row, present);
        }
    }

    private void filterChanged() {
        Generation.Token token = recounts.next();
        delay.after(AllKeysFilter.PAUSE, () -> {
            if (token.isCurrent()) {
                recount(token);
            }
        });
    }

    private void recount(Generation.Token token) {
        AllKeysFilter.Criteria frozen = filter.criteria();
        if (!frozen.isActive()) {
            applied.accept(frozen);
        }
        // The snapshot: each row with its key and project name as they are now (properties are read on the FX thread only).
        KeyRow[] seen = rows.toArray(new KeyRow[0]);
        ApiKey[] keys = new ApiKey[seen.length];
        String[] owners = new String[seen.length];
        for (int i = 0; i < seen.length; i++) {
            keys[i] = seen[i].key();
            owners[i] = seen[i].ownerLabel();
        }
        changedSince = new IdentityHashMap<>();
        countedLeft = false;
        worker.execute(() -> {
            int size = 0;
            for (KeyRow row : seen) {
                size = Math.max(size, row.serial() + 1);
            }
            RowVerdicts counted = RowVerdicts.forSerialsBelow(size);
            // A large store is judged in two halves at once, the second on the common pool: the FX thread waits for
            // this, and a 2-core machine has a core for each half.
            int half = seen.length >= SPLIT_ABOVE ? seen.length / 2 : seen.length;
            java.util.concurrent.ForkJoinTask<long[]> rest = half < seen.length
                    ? java.util.concurrent.ForkJoinPool.commonPool().submit(() -> judge(frozen, seen, keys, owners, half, seen.length, counted))
                    : null;
            long[] fresh = judge(frozen, seen, keys, owners, 0, half, counted);
            if (rest != null) {
                long[] other = rest.join();
                for (int i = 0; i < fresh.length; i++) {
                    fresh[i] += other[i];
                }
            }
            fx.execute(() -> {
                if (token.isCurrent()) {
                    landed(frozen, counted, fresh);
                }
            });
        });
    }

    /** Judges the snapshot's rows {@code from} (inclusive) {@code to} (exclusive) into {@code counted}; their tally. */
    private long[] judge(AllKeysFilter.Criteria frozen, KeyRow[] seen, ApiKey[] keys, String[] owners, int from, int to, RowVerdicts counted) {
        long[] tally = new long[choices.size()];
        for (int i = from; i < to; i++) {
            long bits = bits(frozen, owners[i], seen[i].projectId(), keys[i]);
            counted.put(seen[i], keys[i], owners[i], bits);
            addBits(tally, bits, 1);
        }
        return tally;
    }

    private void landed(AllKeysFilter.Criteria frozen, RowVerdicts counted, long[] fresh) {
        criteria = frozen;
        if (countedLeft) {
            countNothing();
        } else {
            adds = counted;
            tally = fresh;
        }
        countedLeft = false;
        Map<KeyRow, Boolean> changed = changedSince;
        changedSince = null;
        // Every changed row out first, then those still there back in: a row the store forgot and a new one may
        // share a serial, and the new one's verdict must not be taken for the old one's.
        changed.keySet().forEach(this::remove);
        changed.forEach((row, present) -> {
            if (present) {
                add(row);
            }
        });
        publish();
        applied.accept(frozen);
    }

    private void add(KeyRow row) {
        long bits = bits(criteria, row.ownerLabel(), row.projectId(), row.key());
        adds.put(row, row.key(), row.ownerLabel(), bits);
        addBits(tally, bits, 1);
    }

    private void remove(KeyRow row) {
        if (adds.has(row)) {
            addBits(tally, adds.bitsOf(row), -1);
            adds.remove(row);
        }
    }

    private static void addBits(long[] tally, long bits, int by) {
        for (long rest = bits; rest != 0; rest &= rest - 1) {
            tally[Long.numberOfTrailingZeros(rest)] += by;
        }
    }

    /** Which choices this key adds to under these filters: each kind of choice with the other two as chosen. */
    private long bits(AllKeysFilter.Criteria with, String ownerLabel, String projectId, ApiKey key) {
        if (!with.matchesText(ownerLabel, projectId, key)) {
            return 0;
        }
        long bits = 0;
        boolean statusAsChosen = with.status().test(key);
        boolean staleAsChosen = with.stale().test(with.staleness(), key);
        boolean lifecycleAsChosen = with.lifecycle().test(key, with.now());
        if (staleAsChosen && lifecycleAsChosen) {
            for (int i = 0; i < statuses.length; i++) {
                if (statuses[i].test(key)) {
                    bits |= 1L << i;
                }
            }
        }
        if (statusAsChosen && lifecycleAsChosen) {
            for (int i = 0; i < stales.size(); i++) {
                if (stales.get(i).test(with.staleness(), key)) {
                    bits |= 1L << (statuses.length + i);
                }
            }
        }
        if (statusAsChosen && staleAsChosen) {
            int first = statuses.length + stales.size();
            for (int i = 0; i < lifecycles.length; i++) {
                if (lifecycles[i].test(key, with.now())) {
                    bits |= 1L << (first + i);
                }
            }
        }
        return bits;
    }

    private void publish() {
        for (int i = 0; i < choices.size(); i++) {
            long count = tally[i];
            counts.computeIfAbsent(choices.get(i), any -> new ReadOnlyLongWrapper(this, "count")).set(count);
        }
    }
}
