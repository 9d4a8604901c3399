package dev.keywarden.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The source's rows as they are while {@link #orderProperty()} is null, else sorted by it: the one list a table shows
 * ({@link SortedRows}). A change of order is one permutation, so the table's selection follows its rows.
 *
 * <p>Unsorted, it passes each change on as it came, at no cost. Sorted, rows added together are sorted among
 * themselves and placed in one pass ({@link #added}): JavaFX's {@code SortedList} places each added row on its own,
 * with work that grows with all the rows shown (a load of 50,000 keys into a sorted table stalled the window for up to
 * two seconds), and renumbers every row at each change even while unsorted. Rows removed together leave in one pass; a changed row
 * moves on its own (the key store tells them one at a time). Ties keep no particular order.
 */
final class SortableList<T> extends TransformationList<T, T> {
    private final ObjectProperty<Comparator<? super T>> order = new SimpleObjectProperty<>(this, "order") {
        @Override
        protected void invalidated() {
            reorder(get());
        }
    };
    /** The rows in order while sorted; null while unsorted (the source's own order). */
    private List<T> sorted;

    SortableList(ObservableList<T> source) {
        super(source);
    }

    /** The order of the rows; null for the source's. */
    ObjectProperty<Comparator<? super T>> orderProperty() {
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
            fireChange(new PassedOn<>(this, change));
            return;
        }
        beginChange();
        while (change.next()) {
            if (change.wasPermutated()) {
                continue; // the order is the comparator's, whatever the source's
            }
            if (change.wasUpdated()) {
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    moved(change.getList().get(i));
                }
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
    }

    private void removed(List<? extends T> rows) {
        Set<T> gone = Collections.newSetFromMap(new IdentityHashMap<>(rows.size() * 2));
        gone.addAll(rows);
        List<T> kept = new ArrayList<>(Math.max(0, sorted.size() - gone.size()));
        for (T row : sorted) {
            if (gone.contains(row)) {
                nextRemove(kept.size(), row);
            } else {
                kept.add(row);
            }
        }
        sorted = kept;
    }

    /**
     * A few rows into many are placed by binary search and the rows between copied in blocks; many rows are merged. A
     * comparison is a table column's (it reads the cells' values), far dearer than a copy: a batch of 50 keys into 50,000
     * costs some 800 comparisons instead of 50,000.
     */
    private void added(List<? extends T> rows) {
        Comparator<? super T> by = order.get();
        List<T> coming = new ArrayList<>(rows);
        coming.sort(by);
        List<T> merged = new ArrayList<>(sorted.size() + coming.size());
        long searches = (long) coming.size() * (Integer.SIZE - Integer.numberOfLeadingZeros(sorted.size() + 1));
        if (searches < sorted.size() + coming.size()) {
            int from = 0;
            for (T row : coming) {
                int at = insertionPoint(row, from);
                merged.addAll(sorted.subList(from, at));
                merged.add(row);
                nextAdd(merged.size() - 1, merged.size());
                from = at;
            }
            merged.addAll(sorted.subList(from, sorted.size()));
            sorted = merged;
            return;
        }
        int old = 0;
        int next = 0;
        while (old < sorted.size() || next < coming.size()) {
            if (next == coming.size() || old < sorted.size() && by.compare(sorted.get(old), coming.get(next)) <= 0) {
                merged.add(sorted.get(old++));
            } else {
                merged.add(coming.get(next++));
                nextAdd(merged.size() - 1, merged.size());
            }
        }
        sorted = merged;
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
        Comparator<? super T> by = order.get();
        if ((from == 0 || by.compare(sorted.get(from - 1), row) <= 0)
                && (from == sorted.size() - 1 || by.compare(row, sorted.get(from + 1)) <= 0)) {
            nextUpdate(from);
            return;
        }
        sorted.remove(from);
        int to = insertionPoint(row, 0);
        sorted.add(to, row);
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

    /** After the last row, from {@code low} on, that sorts no later than {@code row}. */
    private int insertionPoint(T row, int low) {
        Comparator<? super T> by = order.get();
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (by.compare(sorted.get(middle), row) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** To {@code by}'s order (the source's when null), as one permutation of the rows. */
    private void reorder(Comparator<? super T> by) {
        if (by == null && sorted == null) {
            return;
        }
        List<? extends T> before = sorted == null ? getSource() : sorted;
        List<T> after = new ArrayList<>(getSource());
        if (by != null) {
            after.sort(by);
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

    /** A change of the source, told as this list's: unsorted, the same rows at the same places. */
    private static final class PassedOn<T> extends ListChangeListener.Change<T> {
        private final ListChangeListener.Change<? extends T> change;

        PassedOn(ObservableList<T> list, ListChangeListener.Change<? extends T> change) {
            super(list);
            this.change = change;
        }

        @Override
        public boolean next() {
            return change.next();
        }

        @Override
        public void reset() {
            change.reset();
        }

        @Override
        public int getFrom() {
            return change.getFrom();
        }

        @Override
        public int getTo() {
            return change.getTo();
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<T> getRemoved() {
            return (List<T>) change.getRemoved();
        }

        @Override
        public boolean wasUpdated() {
            return change.wasUpdated();
        }

        @Override
        public boolean wasPermutated() {
            return change.wasPermutated();
        }

        @Override
        public int getPermutation(int index) {
            return change.getPermutation(index);
        }

        @Override
        protected int[] getPermutation() {
            if (!change.wasPermutated()) {
                return new int[0];
            }
            int[] permutation = new int[change.getTo() - change.getFrom()];
            for (int i = change.getFrom(); i < change.getTo(); i++) {
                permutation[i - change.getFrom()] = change.getPermutation(i);
            }
            return permutation;
        }
    }
}
