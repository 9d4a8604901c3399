package dev.keywarden.ui.common;

import javafx.collections.ListChangeListener;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * A sorted list's rows in order, with each row's sort key and its index in the source at its place, and each source
 * index's place: a {@link SortableList}'s state while sorted. Rows are found by index, so a change touches the keys of
 * the rows it adds or moves only, and otherwise copies references and numbers: a reload's batch of changed keys into
 * 50,000 rows sorted by status used to search every row by identity and merge them all by key (3 to 10 ms a batch).
 */
final class SortedPlaces<T> {
    /** Where a change removes a row: its place among the rows kept so far, and the row. */
    interface Removal<T> {
        void removed(int place, T row);
    }

    /** Where a change adds a row: from its place to the next. */
    interface Addition {
        void added(int from, int to);
    }

    /**
     * Rows moved by {@link #move}: {@code permutation[i]} is the new place of the row that was at {@code from + i}
     * (empty if none moved).
     */
    record Moved(int from, int[] permutation) {
    }

    private final RowOrder<? super T> by;
    private Object[] rows;
    private Object[] keys;
    private int[] sourceAt;
    private int size;
    /** The place of each source index. */
    private int[] placeOf;
    /** The source indices of rows whose keys changed, still at their places by their old keys until {@link #takeDeferred}. */
    private BitSet deferred = new BitSet();

    private SortedPlaces(RowOrder<? super T> by, Object[] rows, Object[] keys, int[] sourceAt) {
        this.by = by;
        this.rows = rows;
        this.keys = keys;
        this.sourceAt = sourceAt;
        this.size = rows.length;
        placesFound(rows.length);
    }

    /** The source's rows sorted by {@code by}; among equal keys, in the source's order. */
    static <T> SortedPlaces<T> of(List<? extends T> source, RowOrder<? super T> by) {
        int size = source.size();
        Keyed[] keyed = new Keyed[size];
        for (int index = 0; index < size; index++) {
            T row = source.get(index);
            keyed[index] = new Keyed(row, by.keyOf(row), index);
        }
        sortByKey(keyed, by);
        Object[] rows = new Object[size];
        Object[] keys = new Object[size];
        int[] sourceAt = new int[size];
        for (int place = 0; place < size; place++) {
            rows[place] = keyed[place].row();
            keys[place] = keyed[place].key();
            sourceAt[place] = keyed[place].index();
        }
        return new SortedPlaces<>(by, rows, keys, sourceAt);
    }

    /**
     * A row, its sort key and its index (in the source, or its place), sorted together: the key beside the row, not
     * looked up at each comparison.
     */
    private record Keyed(Object row, Object key, int index) {
    }

    /** In {@code by}'s order; stable, so ties keep the order they came in. */
    private static void sortByKey(Keyed[] keyed, RowOrder<?> by) {
        Arrays.sort(keyed, (one, other) -> by.compare(one.key(), other.key()));
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    T row(int place) {
        return (T) rows[Objects.checkIndex(place, size)];
    }

    int sourceAt(int place) {
        return sourceAt[Objects.checkIndex(place, size)];
    }

    int placeOf(int source) {
        return placeOf[source];
    }

    /** These source indices' rows changed their keys: they stay where their old keys put them till {@link #takeDeferred}. */
    void defer(int[] sources) {
        for (int source : sources) {
            deferred.set(source);
        }
    }

    boolean hasDeferred() {
        return !deferred.isEmpty();
    }

    /** The places of the rows deferred since the last call, to {@link #move}. */
    int[] takeDeferred() {
        int[] places = deferred.stream().map(source -> placeOf[source]).toArray();
        deferred.clear();
        return places;
    }

    /** A permutation of the source (one of a change's): the same rows in the same places, at their new indices. */
    void sourcesPermuted(ListChangeListener.Change<?> change) {
        for (int place = 0; place < size; place++) {
            int source = sourceAt[place];
            if (source >= change.getFrom() && source < change.getTo()) {
                sourceAt[place] = change.getPermutation(source);
            }
        }
        deferred = renumbered(deferred, source -> source >= change.getFrom() && source < change.getTo() ? change.getPermutation(source) : source);
        placesFound(placeOf.length);
    }

    private static BitSet renumbered(BitSet sources, IntUnaryOperator indexAfter) {
        BitSet after = new BitSet();
        sources.stream().map(indexAfter).filter(index -> index >= 0).forEach(after::set);
        return after;
    }

    /**
     * The rows a change of the source removed leave and those it added come in, each told where; the source's
     * updated rows stay where they are (see {@link #move}). The change's removals and additions come in order of place,
     * each at its place once those before it are done, as JavaFX tells them.
     */
    @SuppressWarnings("unchecked")
    void sourcesChanged(ListChangeListener.Change<? extends T> change, List<? extends T> source, Removal<? super T> removal, Addition addition) {
        int added = 0;
        int removed = 0;
        while (change.next()) {
            if (!change.wasUpdated() && !change.wasPermutated()) {
                added += change.getAddedSize();
                removed += change.getRemovedSize();
            }
        }
        if (added == 0 && removed == 0) {
            return;
        }
        int[] indexAfter = new int[source.size() - added + removed];
        int[] addedSources = new int[added];
        int before = 0;
        int after = 0;
        int adding = 0;
        change.reset();
        while (change.next()) {
            if (change.wasUpdated() || change.wasPermutated()) {
                continue;
            }
            while (after < change.getFrom()) {
                indexAfter[before++] = after++;
            }
            for (int gone = 0; gone < change.getRemovedSize(); gone++) {
                indexAfter[before++] = -1;
            }
            while (after < change.getTo()) {
                addedSources[adding++] = after++;
            }
        }
        while (before < indexAfter.length) {
            indexAfter[before++] = after++;
        }
        int kept = 0;
        for (int place = 0; place < size; place++) {
            int index = indexAfter[sourceAt[place]];
            if (index < 0) {
                removal.removed(kept, (T) rows[place]);
            } else {
                rows[kept] = rows[place];
                keys[kept] = keys[place];
                sourceAt[kept++] = index;
            }
        }
        deferred = renumbered(deferred, index -> indexAfter[index]);
        Arrays.fill(rows, kept, size, null);
        Arrays.fill(keys, kept, size, null);
        size = kept;
        if (added > 0) {
            add(addedSources, source, addition);
        }
        placesFound(source.size());
    }

    /**
     * Rows added, sorted among themselves and merged in: a few into many placed by binary search with the rows between
     * copied in blocks (a batch of 50 keys into 50,000 costs some 800 comparisons instead of 50,000), many by one pass.
     */
    private void add(int[] addedSources, List<? extends T> source, Addition addition) {
        int count = addedSources.length;
        Keyed[] coming = new Keyed[count];
        for (int i = 0; i < count; i++) {
            T row = source.get(addedSources[i]);
            coming[i] = new Keyed(row, by.keyOf(row), addedSources[i]);
        }
        sortByKey(coming, by); // ties in the source's order
        int total = size + count;
        Object[] mergedRows = new Object[total];
        Object[] mergedKeys = new Object[total];
        int[] mergedSources = new int[total];
        long searches = (long) count * (Integer.SIZE - Integer.numberOfLeadingZeros(size + 1));
        boolean bySearch = searches < total;
        int old = 0;
        int out = 0;
        for (Keyed row : coming) {
            Object key = row.key();
            int at = old;
            if (bySearch) {
                at = insertionPoint(key, old);
            } else {
                while (at < size && by.compare(keys[at], key) <= 0) {
                    at++;
                }
            }
            System.arraycopy(rows, old, mergedRows, out, at - old);
            System.arraycopy(keys, old, mergedKeys, out, at - old);
            System.arraycopy(sourceAt, old, mergedSources, out, at - old);
            out += at - old;
            old = at;
            mergedRows[out] = row.row();
            mergedKeys[out] = key;
            mergedSources[out] = row.index();
            addition.added(out, out + 1);
            out++;
        }
        System.arraycopy(rows, old, mergedRows, out, size - old);
        System.arraycopy(keys, old, mergedKeys, out, size - old);
        System.arraycopy(sourceAt, old, mergedSources, out, size - old);
        rows = mergedRows;
        keys = mergedKeys;
        sourceAt = mergedSources;
        size = total;
    }

    /**
     * The rows at these places (each once), whose sort keys may have changed, placed as a stable sort of every row by
     * its new key would place them: the rows that did not change are still in order, the changed ones are sorted among
     * themselves (by new key, then place) and each goes among the others by binary search, after those with a lower
     * key or an equal one at an earlier place (a row still waiting to move, {@link #defer}, by the key it was placed
     * by). Only the rows between the first and the last place that changed are touched; they wait no more.
     */
    Moved move(int[] places) {
        int[] moving = places.clone();
        Arrays.sort(moving);
        int count = moving.length;
        Keyed[] movers = new Keyed[count];
        for (int i = 0; i < count; i++) {
            T row = row(moving[i]);
            movers[i] = new Keyed(row, by.keyOf(row), moving[i]);
        }
        sortByKey(movers, by); // ties by place
        // The movers' new places, in their order: ascending.
        int[] to = new int[count];
        int low = Integer.MAX_VALUE;
        int high = -1;
        for (int rank = 0; rank < count; rank++) {
            Object key = movers[rank].key();
            int place = movers[rank].index();
            // Unchanged rows before `split` go first: lower keys, and equal ones at an earlier place.
            int split = Math.min(insertionPoint(key, 0), Math.max(firstNotBefore(key), place));
            int movingBefore = countBelow(moving, split);
            to[rank] = split - movingBefore + rank;
            low = Math.min(low, Math.min(place, to[rank]));
            high = Math.max(high, Math.max(place, to[rank]));
        }
        int width = high + 1 - low;
        Object[] rangeRows = new Object[width];
        Object[] rangeKeys = new Object[width];
        int[] rangeSources = new int[width];
        boolean[] taken = new boolean[width];
        int[] permutation = new int[width];
        for (int rank = 0; rank < count; rank++) {
            int at = to[rank] - low;
            int place = movers[rank].index();
            rangeRows[at] = movers[rank].row();
            rangeKeys[at] = movers[rank].key();
            rangeSources[at] = sourceAt[place];
            taken[at] = true;
            permutation[place - low] = to[rank];
        }
        int free = 0;
        int next = 0;
        for (int place = low; place <= high; place++) {
            if (next < count && moving[next] == place) {
                next++;
                continue;
            }
            while (taken[free]) {
                free++;
            }
            rangeRows[free] = rows[place];
            rangeKeys[free] = keys[place];
            rangeSources[free] = sourceAt[place];
            permutation[place - low] = low + free++;
        }
        System.arraycopy(rangeRows, 0, rows, low, width);
        System.arraycopy(rangeKeys, 0, keys, low, width);
        System.arraycopy(rangeSources, 0, sourceAt, low, width);
        for (int place = low; place <= high; place++) {
            placeOf[sourceAt[place]] = place;
        }
        for (int place : to) {
            deferred.clear(sourceAt[place]);
        }
        int first = 0;
        while (first < width && permutation[first] == low + first) {
            first++;
        }
        int last = width;
        while (last > first && permutation[last - 1] == low + last - 1) {
            last--;
        }
        return new Moved(low + first, Arrays.copyOfRange(permutation, first, last));
    }

    /** After the last row, from {@code low} on, that sorts no later than the row of {@code key}. */
    private int insertionPoint(Object key, int low) {
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (by.compare(keys[middle], key) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The first row that sorts no earlier than the row of {@code key}. */
    private int firstNotBefore(Object key) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (by.compare(keys[middle], key) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** How many of {@code ascending} are below {@code value}. */
    private static int countBelow(int[] ascending, int value) {
        int found = Arrays.binarySearch(ascending, value);
        return found >= 0 ? found : -found - 1;
    }

    private void placesFound(int sourceSize) {
        if (placeOf == null || placeOf.length != sourceSize) {
            placeOf = new int[sourceSize];
        }
        for (int place = 0; place < size; place++) {
            placeOf[sourceAt[place]] = place;
        }
    }
}
