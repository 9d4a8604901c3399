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
    /** In a batch ({@link #inBatch}): rows added, and rows whose key changed, told at its end in one change each. */
    private int batchDepth;
    private final List<KeyRow> addedFirst = new ArrayList<>();
    private final List<KeyRow> addedLast = new ArrayList<>();
    private final List<KeyRow> updatedInBatch = new ArrayList<>();

    @Override
    public KeyRow get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /**
     * Runs {@code work} as one batch: the rows it adds ({@link #add}) join the list at its end, in one change (two when
     * rows came for the start and for the end), and the rows it tells as changed ({@link #updated}) are told in one
     * change before them. Rows it removes leave at once.
     */
    void inBatch(Runnable work) {
        batchDepth++;
        try {
            work.run();
        } finally {
            if (--batchDepth == 0) {
                tellBatch();
            }
        }
    }

    /** Adds rows at the start or the end of the list: at once, or at the batch's end. */
    void add(List<KeyRow> added, boolean first) {
        if (batchDepth > 0) {
            (first ? addedFirst : addedLast).addAll(added);
        } else {
            insert(first ? 0 : rows.size(), added);
        }
    }

    /** The rows in the list and those a batch is still to add. */
    int held() {
        return rows.size() + addedFirst.size() + addedLast.size();
    }

    /** A batch's end: its changed rows (those in the list; rows it added show their key anyway), then its new ones. */
    private void tellBatch() {
        updatedEach(drain(updatedInBatch));
        insert(0, drain(addedFirst));
        insert(rows.size(), drain(addedLast));
    }

    /** What a batch was still to tell, taken and cleared (telling it may start another batch). */
    private static List<KeyRow> drain(List<KeyRow> pending) {
        List<KeyRow> taken = List.copyOf(pending);
        pending.clear();
        return taken;
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

    /** Removes the rows in {@code gone} (compared by identity), in one pass and one change; those still to be added are not. */
    void removeEach(Set<KeyRow> gone) {
        if (gone.isEmpty()) {
            return;
        }
        addedFirst.removeIf(gone::contains);
        addedLast.removeIf(gone::contains);
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

    /** Removes every row, in one change, and forgets the rows a batch was still to tell. */
    void removeEvery() {
        addedFirst.clear();
        addedLast.clear();
        updatedInBatch.clear();
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
     * Tells the listeners that the row's key changed, at once or at the batch's end; nothing if the row is not in the
     * list then. A sorted view keeps each row's sort key as it was last told, and places rows by binary search over
     * those: rows changed together are told together ({@link #updatedEach}).
     */
    void updated(KeyRow changed) {
        if (batchDepth > 0) {
            updatedInBatch.add(changed);
            return;
        }
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
