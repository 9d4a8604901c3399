package dev.keywarden.ui.common;

import javafx.collections.ModifiableObservableListBase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A list whose rows' updates are told by hand, many in one change, as the key store tells a batch's. */
final class HandToldList<T> extends ModifiableObservableListBase<T> {
    private final List<T> rows = new ArrayList<>();

    @Override
    public T get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    protected void doAdd(int index, T element) {
        rows.add(index, element);
    }

    @Override
    protected T doSet(int index, T element) {
        return rows.set(index, element);
    }

    @Override
    protected T doRemove(int index) {
        return rows.remove(index);
    }

    /** The rows at these indices changed: one change. */
    void updated(int... indices) {
        beginChange();
        for (int index : indices) {
            nextUpdate(index);
        }
        endChange();
    }

    /** The row at {@code index} changed and {@code added} came at the end: one change. */
    void updatedAndAdded(int index, T added) {
        beginChange();
        nextUpdate(index);
        rows.add(added);
        nextAdd(rows.size() - 1, rows.size());
        endChange();
    }

    /** The rows from {@code from} to {@code to} in reverse, told as a permutation, then {@code added} at the end: one change. */
    void reverse(int from, int to, List<T> added) {
        beginChange();
        Collections.reverse(rows.subList(from, to));
        int[] permutation = new int[to - from];
        for (int i = 0; i < permutation.length; i++) {
            permutation[i] = to - 1 - i;
        }
        nextPermutation(from, to, permutation);
        for (T row : added) {
            rows.add(row);
            nextAdd(rows.size() - 1, rows.size());
        }
        endChange();
    }
}
