package dev.keywarden.ui.store;

import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The store's rows, as one observable list that only the store changes. A row whose key changed is told to the list's
 * listeners as an update ({@link #updated}), so filters and sorts follow it. An extractor does the same with three
 * objects a row (a listener on the row's key, its record, the key's listener list): 74 bytes for each of 50,000 keys,
 * which every young collection copies while keys load. Each row knows its place in the list ({@link KeyRow#place}), so
 * telling a changed row costs no search through 50,000.
 */
final class KeyRowList extends ObservableListBase<KeyRow> {
    private final ArrayList<KeyRow> rows = new ArrayList<>();

    @Override
    public KeyRow get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Adds {@code added} at {@code index}, in one change. */
    void insert(int index, List<KeyRow> added) {
        if (added.isEmpty()) {
            return;
        }
        rows.addAll(index, added);
        number(index);
        beginChange();
        nextAdd(index, index + added.size());
        endChange();
    }

    /** Removes the rows in {@code gone} (compared by identity), in one pass and one change. */
    void removeEach(Set<KeyRow> gone) {
        if (gone.isEmpty()) {
            return;
        }
        beginChange();
        int kept = 0;
        for (int i = 0; i < rows.size(); i++) {
            KeyRow row = rows.get(i);
            if (gone.contains(row)) {
                // The index the row has in the list as it is now, with the rows before it already removed.
                nextRemove(kept, row);
                row.place = -1;
            } else {
                row.place = kept;
                rows.set(kept++, row);
            }
        }
        rows.subList(kept, rows.size()).clear();
        endChange();
    }

    /** Removes every row, in one change. */
    void removeEvery() {
        if (rows.isEmpty()) {
            return;
        }
        List<KeyRow> removed = List.copyOf(rows);
        rows.clear();
        removed.forEach(row -> row.place = -1);
        beginChange();
        nextRemove(0, removed);
        endChange();
    }

    /** Tells the listeners, in one change, that these rows changed; those not in the list are left out. */
    void updatedEach(Collection<KeyRow> changed) {
        int[] places = changed.stream().mapToInt(this::placeOf).filter(place -> place >= 0)
                .sorted().distinct().toArray();
        if (places.length == 0) {
            return;
        }
        beginChange();
        for (int place : places) {
            nextUpdate(place);
        }
        endChange();
    }

    /**
     * Tells the listeners that the row's key changed; nothing if the row is not in the list. A sorted view keeps each
     * row's sort key as it was last told, and places rows by binary search over those: rows changed together may be
     * told one after another.
     */
    void updated(KeyRow changed) {
        int place = placeOf(changed);
        if (place >= 0) {
            beginChange();
            nextUpdate(place);
            endChange();
        }
    }

    private int placeOf(KeyRow row) {
        int place = row.place;
        return place >= 0 && place < rows.size() && rows.get(place) == row ? place : -1;
    }

    /** Each row from {@code from} on learns its place. */
    private void number(int from) {
        for (int i = from; i < rows.size(); i++) {
            rows.get(i).place = i;
        }
    }
}
