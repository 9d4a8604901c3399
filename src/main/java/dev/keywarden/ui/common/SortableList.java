package dev.keywarden.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The source's rows as they are while {@link #orderProperty()} is null, else sorted by it: the one list a table shows
 * ({@link SortedRows}). A change of order is one permutation, so the table's selection follows its rows.
 *
 * <p>Unsorted, it passes each change on as it came, at no cost. Sorted, it keeps each row's sort key beside it, worked
 * out when the row arrives or changes ({@link RowOrder}), and rows added together are sorted among themselves and
 * placed in one pass ({@link #added}): JavaFX's {@code SortedList} places each added row on its own, with work that
 * grows with all the rows shown (a load of 50,000 keys into a sorted table stalled the window for up to two seconds),
 * compares through the table's comparator, which works out both rows' cell values each time, and renumbers every row
 * at each change even while unsorted. Rows removed together leave in one pass; a few changed rows move one by one,
 * many (a renamed project's keys, a reload's changed keys) are merged in together ({@link #movedEach}). Among rows
 * with equal keys, an added row goes after those already there; no other order among ties is promised.
 */
final class SortableList<T> extends TransformationList<T, T> {
    /** Up to this many rows changed at once move one by one (a search each); more are merged in together. */
    static final int FEW_CHANGED = 16;
    private final ObjectProperty<RowOrder<? super T>> order = new SimpleObjectProperty<>(this, "order") {
        @Override
        protected void invalidated() {
            reorder(get());
        }
    };
    /** The rows in order while sorted; null while unsorted (the source's own order). */
    private List<T> sorted;
    /** While sorted, each row's sort key, at the row's place in {@link #sorted}. */
    private List<Object> keys;

    SortableList(ObservableList<T> source) {
        super(source);
    }

    /** The order of the rows; null for the source's. */
    ObjectProperty<RowOrder<? super T>> orderProperty() {
        return order;
    }

    @Override
    public T get(int index) {
        return sorted == null ? getSource().get(index) : sorted.get(index);
    }

    @Override
    public int size() {
        return sorted == null ? getSource().size() : sorted.size();
    }

    @Override
    public int getSourceIndex(int index) {
        return sorted == null ? index : indexOf(getSource(), sorted.get(index));
    }

    @Override
    public int getViewIndex(int index) {
        return sorted == null ? index : indexOf(sorted, getSource().get(index));
    }

    @Override
    protected void sourceChanged(ListChangeListener.Change<? extends T> change) {
        if (sorted == null) {
            fireChange(new PassedOnChange<>(this, change));
            return;
        }
        beginChange();
        // Changed rows are found by identity, so they can wait for the change's end and move together.
        List<T> changed = new ArrayList<>();
        while (change.next()) {
            if (change.wasPermutated()) {
                continue; // the order is the comparator's, whatever the source's
            }
            if (change.wasUpdated()) {
                changed.addAll(change.getList().subList(change.getFrom(), change.getTo()));
                continue;
            }
            if (change.wasRemoved()) {
                removed(change.getRemoved());
            }
            if (change.wasAdded()) {
                added(change.getAddedSubList());
            }
        }
        endChange();
        if (changed.isEmpty()) {
            return;
        }
        // Changes of their own: JavaFX does not tell a permutation right in the same change as rows added or removed,
        // nor two permutations of ranges apart (it throws).
        if (changed.size() > FEW_CHANGED) {
            beginChange();
            movedEach(changed);
            endChange();
        } else {
            for (T row : changed) {
                beginChange();
                moved(row);
                endChange();
            }
        }
    }

    private void removed(List<? extends T> rows) {
        Set<T> gone = Collections.newSetFromMap(new IdentityHashMap<>(rows.size() * 2));
        gone.addAll(rows);
        int size = Math.max(0, sorted.size() - gone.size());
        List<T> kept = new ArrayList<>(size);
        List<Object> keptKeys = new ArrayList<>(size);
        for (int i = 0; i < sorted.size(); i++) {
            T row = sorted.get(i);
            if (gone.contains(row)) {
                nextRemove(kept.size(), row);
            } else {
                kept.add(row);
                keptKeys.add(keys.get(i));
            }
        }
        sorted = kept;
        keys = keptKeys;
    }

    /**
     * A few rows into many are placed by binary search and the rows between copied in blocks; many rows are merged:
     * a batch of 50 keys into 50,000 costs some 800 comparisons instead of 50,000.
     */
    private void added(List<? extends T> rows) {
        RowOrder<? super T> by = order.get();
        List<Keyed<T>> coming = new ArrayList<>(rows.size());
        for (T row : rows) {
            coming.add(new Keyed<>(row, by.keyOf(row)));
        }
        coming.sort((one, other) -> by.compare(one.key(), other.key()));
        int size = sorted.size() + coming.size();
        List<T> merged = new ArrayList<>(size);
        List<Object> mergedKeys = new ArrayList<>(size);
        long searches = (long) coming.size() * (Integer.SIZE - Integer.numberOfLeadingZeros(sorted.size() + 1));
        int old = 0;
        if (searches < size) {
            for (Keyed<T> row : coming) {
                int at = insertionPoint(row.key(), old);
                merged.addAll(sorted.subList(old, at));
                mergedKeys.addAll(keys.subList(old, at));
                old = at;
                merged.add(row.row());
                mergedKeys.add(row.key());
                nextAdd(merged.size() - 1, merged.size());
            }
        } else {
            for (Keyed<T> row : coming) {
                while (old < sorted.size() && by.compare(keys.get(old), row.key()) <= 0) {
                    merged.add(sorted.get(old));
                    mergedKeys.add(keys.get(old++));
                }
                merged.add(row.row());
                mergedKeys.add(row.key());
                nextAdd(merged.size() - 1, merged.size());
            }
        }
        merged.addAll(sorted.subList(old, sorted.size()));
        mergedKeys.addAll(keys.subList(old, keys.size()));
        sorted = merged;
        keys = mergedKeys;
    }

    /**
     * A row whose sort key may have changed: an update where it stays (still in order with its neighbours: among equal
     * rows it keeps its place), else a permutation of the rows it moves across.
     */
    private void moved(T row) {
        int from = indexOf(sorted, row);
        if (from < 0) {
            return;
        }
        RowOrder<? super T> by = order.get();
        Object key = by.keyOf(row);
        keys.set(from, key);
        if ((from == 0 || by.compare(keys.get(from - 1), key) <= 0)
                && (from == sorted.size() - 1 || by.compare(key, keys.get(from + 1)) <= 0)) {
            nextUpdate(from);
            return;
        }
        sorted.remove(from);
        keys.remove(from);
        int to = insertionPoint(key, 0);
        sorted.add(to, row);
        keys.add(to, key);
        if (to != from) {
            int low = Math.min(from, to);
            int[] permutation = new int[Math.max(from, to) + 1 - low];
            for (int i = 0; i < permutation.length; i++) {
                int at = low + i;
                permutation[i] = at == from ? to : from < to ? at - 1 : at + 1;
            }
            nextPermutation(low, low + permutation.length, permutation);
        }
        nextUpdate(to);
    }

    /**
     * Many changed rows at once (a renamed project's keys, a reload's changed keys): as a stable sort of every row by its
     * new key would place them, but in one pass. The rows that did not change are still in order; the changed ones are
     * sorted among themselves (by new key, then old place) and merged in, ties going to the row that was first. A
     * permutation of the rows between the first and the last that moved, if any did, and an update of each changed row.
     * It replaces a sort of every row at each such change (50,000 at each batch of a reload), told as a permutation of
     * all of them.
     */
    private void movedEach(List<T> changed) {
        Set<T> rekeyed = Collections.newSetFromMap(new IdentityHashMap<>(changed.size() * 2));
        rekeyed.addAll(changed);
        RowOrder<? super T> by = order.get();
        int size = sorted.size();
        List<Integer> moving = new ArrayList<>(rekeyed.size());
        boolean[] isMoving = new boolean[size];
        Object[] newKeys = new Object[size];
        for (int i = 0; i < size; i++) {
            if (rekeyed.contains(sorted.get(i))) {
                newKeys[i] = by.keyOf(sorted.get(i));
                moving.add(i);
                isMoving[i] = true;
            } else {
                newKeys[i] = keys.get(i);
            }
        }
        moving.sort((one, other) -> {
            int byKey = by.compare(newKeys[one], newKeys[other]);
            return byKey != 0 ? byKey : Integer.compare(one, other);
        });
        int[] to = new int[size];
        List<T> after = new ArrayList<>(size);
        List<Object> afterKeys = new ArrayList<>(size);
        int stay = 0;
        int next = 0;
        while (true) {
            while (stay < size && isMoving[stay]) {
                stay++;
            }
            int from;
            if (next < moving.size() && (stay == size || goesFirst(moving.get(next), stay, newKeys))) {
                from = moving.get(next++);
            } else if (stay < size) {
                from = stay++;
            } else {
                break;
            }
            to[from] = after.size();
            after.add(sorted.get(from));
            afterKeys.add(newKeys[from]);
        }
        int low = 0;
        while (low < size && to[low] == low) {
            low++;
        }
        int high = size;
        while (high > low && to[high - 1] == high - 1) {
            high--;
        }
        sorted = after;
        keys = afterKeys;
        if (low < high) {
            nextPermutation(low, high, Arrays.copyOfRange(to, low, high));
        }
        boolean[] isUpdated = new boolean[size];
        moving.forEach(from -> isUpdated[to[from]] = true);
        for (int at = 0; at < size; at++) {
            if (isUpdated[at]) {
                nextUpdate(at);
            }
        }
    }

    /** Whether the changed row at {@code mover} goes before the unchanged one at {@code stayer}: by key, then place. */
    private boolean goesFirst(int mover, int stayer, Object[] newKeys) {
        int byKey = order.get().compare(newKeys[mover], newKeys[stayer]);
        return byKey < 0 || (byKey == 0 && mover < stayer);
    }

    /** After the last row, from {@code low} on, that sorts no later than the row of {@code key}. */
    private int insertionPoint(Object key, int low) {
        RowOrder<? super T> by = order.get();
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (by.compare(keys.get(middle), key) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** To {@code by}'s order (the source's when null), as one permutation of the rows. */
    private void reorder(RowOrder<? super T> by) {
        if (by == null && sorted == null) {
            return;
        }
        List<? extends T> before = sorted == null ? getSource() : sorted;
        List<T> after = new ArrayList<>(getSource().size());
        List<Object> afterKeys = null;
        if (by == null) {
            after.addAll(getSource());
        } else {
            List<Keyed<T>> keyed = new ArrayList<>(getSource().size());
            for (T row : getSource()) {
                keyed.add(new Keyed<>(row, by.keyOf(row)));
            }
            keyed.sort((one, other) -> by.compare(one.key(), other.key()));
            afterKeys = new ArrayList<>(keyed.size());
            for (Keyed<T> row : keyed) {
                after.add(row.row());
                afterKeys.add(row.key());
            }
        }
        Map<T, Integer> was = new IdentityHashMap<>(before.size() * 2);
        for (int i = 0; i < before.size(); i++) {
            was.put(before.get(i), i);
        }
        int[] permutation = new int[after.size()];
        for (int i = 0; i < after.size(); i++) {
            permutation[was.get(after.get(i))] = i;
        }
        sorted = by == null ? null : after;
        keys = afterKeys;
        if (!after.isEmpty()) {
            beginChange();
            nextPermutation(0, after.size(), permutation);
            endChange();
        }
    }

    private static int indexOf(List<?> rows, Object row) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == row) {
                return i;
            }
        }
        return -1;
    }

    /** A row and its sort key. */
    private record Keyed<T>(T row, Object key) {
    }
}
