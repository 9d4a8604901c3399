package dev.keywarden.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;

import java.util.BitSet;
import java.util.function.Consumer;

/**
 * The source's rows as they are while {@link #orderProperty()} is null, else sorted by it: the one list a table shows
 * ({@link SortedRows}). A change of order is one permutation, so the table's selection follows its rows.
 *
 * <p>Unsorted, it passes each change on as it came (but for rows changed in place, below), at no cost. Sorted, it
 * keeps each row's sort key and source index beside it ({@link SortedPlaces}), the key worked out when the row
 * arrives or changes ({@link RowOrder}), and finds rows by index, never by a search through all of them. Rows added
 * together are sorted among themselves and placed in one pass: JavaFX's {@code SortedList} places each added row on
 * its own, with work that grows with all the rows shown (a load of 50,000 keys into a sorted table stalled the
 * window for up to two seconds), compares through the table's comparator, which works out both rows' cell values
 * each time, and renumbers every row at each change even while unsorted. A change's removed rows leave in one pass.
 * Its changed rows move after it: a few (an admin's change) at once, one by one; many (a reload's batch, a renamed
 * project's keys) at the start of the next frame, together with all the rows changed many at once since the last one
 * ({@link SortedPlaces#move}). Till then they show their new values in their old places. A move is a permutation, so
 * the table's selection follows the rows, and JavaFX's selection model maps every row in its range through a
 * {@code HashMap} of boxed numbers: 50,000 keys reloaded into a table sorted by status, each key moving, were 100 to 160
 * such permutations of some 50,000 rows a reload, one for each delivery of keys, 0.3 to 6 ms each with the table's
 * other listeners. Among rows with equal keys, an added row goes after those already there (while rows wait to move,
 * by the keys they were placed by); no other order among ties is promised.
 *
 * <p>Rows changed in place are not told on, sorted or not: a change that only updates rows is not a change of this
 * list, and a move is told as its permutation alone. The table's cells and rows follow their row's properties
 * ({@link SortedRows}), so what an update would tell the table is only work: JavaFX's selection model, told of any
 * change of the rows, selects its selected rows again and tells every listener (the projects table, whose figures
 * change at each batch of a load, made a fifth of the FX thread's time while 50,000 keys loaded), and its skin gives
 * every visible row its index again.
 */
final class SortableList<T> extends TransformationList<T, T> {
    /** Up to this many rows changed at once move one by one, each in a change of its own; more move together. */
    static final int FEW_CHANGED = 16;
    private final ObjectProperty<RowOrder<? super T>> order = new SimpleObjectProperty<>(this, "order") {
        @Override
        protected void invalidated() {
            reorder(get());
        }
    };
    /** Runs work at the start of the next frame ({@link NextFrame}). */
    private final Consumer<Runnable> atNextFrame;
    /** The rows in order while sorted; null while unsorted (the source's own order). */
    private SortedPlaces<T> places;
    /** Rows changed many at once wait to move ({@link SortedPlaces#defer}), and their move is asked of the next frame. */
    private boolean moveAsked;

    SortableList(ObservableList<T> source) {
        this(source, NextFrame::run);
    }

    SortableList(ObservableList<T> source, Consumer<Runnable> atNextFrame) {
        super(source);
        this.atNextFrame = atNextFrame;
    }

    /** The order of the rows; null for the source's. */
    ObjectProperty<RowOrder<? super T>> orderProperty() {
        return order;
    }

    @Override
    public T get(int index) {
        return places == null ? getSource().get(index) : places.row(index);
    }

    @Override
    public int size() {
        return places == null ? getSource().size() : places.size();
    }

    @Override
    public int getSourceIndex(int index) {
        return places == null ? index : places.sourceAt(index);
    }

    @Override
    public int getViewIndex(int index) {
        return places == null ? index : places.placeOf(index);
    }

    @Override
    protected void sourceChanged(ListChangeListener.Change<? extends T> change) {
        if (places == null) {
            if (PassedOnChange.placesRows(change)) {
                fireChange(new PassedOnChange<>(this, change));
            }
            return;
        }
        // A permutation comes first in a change (JavaFX's ListChangeBuilder); the order is the keys', whatever the source's.
        while (change.next()) {
            if (change.wasPermutated()) {
                places.sourcesPermuted(change);
            }
        }
        change.reset();
        int[] updated = updatedSources(change);
        change.reset();
        beginChange();
        places.sourcesChanged(change, getSource(), this::nextRemove, this::nextAdd);
        endChange();
        if (updated.length == 0) {
            return;
        }
        if (updated.length > FEW_CHANGED) {
            places.defer(updated);
            if (!moveAsked) {
                moveAsked = true;
                atNextFrame.accept(this::moveDeferred);
            }
        } else {
            for (int source : updated) {
                moveTogether(new int[] {places.placeOf(source)}); // its place now, after those moved before it
            }
        }
    }

    /** The rows changed many at once since the last frame, moved together. */
    private void moveDeferred() {
        moveAsked = false;
        if (places != null && places.hasDeferred()) {
            moveTogether(places.takeDeferred());
        }
    }

    /** The source indices of the rows the change updated, as they are after it: ascending, each once. */
    private static int[] updatedSources(ListChangeListener.Change<?> change) {
        BitSet updated = new BitSet();
        while (change.next()) {
            if (change.wasUpdated()) {
                updated.set(change.getFrom(), change.getTo());
            }
        }
        return updated.stream().toArray();
    }

    /**
     * The rows at these places (any order, each once) placed by their new keys: one permutation of the rows that moved,
     * if any moved (rows changed in place are not told).
     */
    private void moveTogether(int[] moving) {
        SortedPlaces.Moved moved = places.move(moving);
        if (moved.permutation().length > 0) {
            beginChange();
            nextPermutation(moved.from(), moved.from() + moved.permutation().length, moved.permutation());
            endChange();
        }
    }

    /** To {@code by}'s order (the source's when null), as one permutation of the rows. */
    private void reorder(RowOrder<? super T> by) {
        if (by == null && places == null) {
            return;
        }
        int size = getSource().size();
        int[] permutation = new int[size];
        SortedPlaces<T> after = by == null ? null : SortedPlaces.of(getSource(), by);
        for (int source = 0; source < size; source++) {
            int before = places == null ? source : places.placeOf(source);
            permutation[before] = after == null ? source : after.placeOf(source);
        }
        places = after;
        if (size > 0) {
            beginChange();
            nextPermutation(0, size, permutation);
            endChange();
        }
    }
}
