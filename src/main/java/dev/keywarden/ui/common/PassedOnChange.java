package dev.keywarden.ui.common;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * A change of a list's source, told as the list's own: the same rows at the same places ({@link SortableList},
 * unsorted), less the rows changed in place, which it does not tell ({@link #placesRows}).
 */
final class PassedOnChange<T> extends ListChangeListener.Change<T> {
    private final ListChangeListener.Change<? extends T> change;

    PassedOnChange(ObservableList<T> list, ListChangeListener.Change<? extends T> change) {
        super(list);
        this.change = change;
    }

    /** Whether the change adds, removes or moves rows, not only changes some in place; it is left reset. */
    static boolean placesRows(ListChangeListener.Change<?> change) {
        try {
            return nextPlacing(change);
        } finally {
            change.reset();
        }
    }

    @Override
    public boolean next() {
        return nextPlacing(change);
    }

    /** To the change's next part that adds, removes or moves rows, past those that only update some; false at the end. */
    private static boolean nextPlacing(ListChangeListener.Change<?> change) {
        while (change.next()) {
            if (!change.wasUpdated()) {
                return true;
            }
        }
        return false;
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
