package dev.keywarden.ui.common;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a table's selection to the rows the admin selected when rows leave the table: the selected rows still shown
 * stay selected, those that left are no longer, and no other row is selected in their place. JavaFX's selection model
 * selects the row above one that was removed alone (a filter hiding the selected key selected its neighbour), and
 * after a removal of several rows around a selected one, or of several runs at once, keeps the selected index, now
 * another row's: "Deactivate…" would then have planned a key nobody chose.
 *
 * <p>It listens to the table's rows twice: first, before the selection model, to note that the rows are changing,
 * and last, after it, to put the selection right. Selections made while the rows do not change are the admin's.
 */
final class ExactSelection<T> {
    private final TableView<T> table;
    /** The rows the admin selected, as last seen outside a change of the rows. */
    private List<T> chosen = List.of();
    /** The same rows, to look up. */
    private Set<T> chosenRows = identitySet(List.of());
    private boolean rowsChanging;

    /** Call before the table is given {@code rows}; then {@link #afterTheTable()} once it has them. */
    ExactSelection(TableView<T> table, ObservableList<T> rows) {
        this.table = table;
        rows.addListener((ListChangeListener<T>) change -> rowsChanging = true);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<T>) change -> {
            if (!rowsChanging) {
                choose(new ArrayList<>(table.getSelectionModel().getSelectedItems()));
            }
        });
    }

    /** Listens to the rows after the table's selection model, which the table registered when given them. */
    void afterTheTable() {
        table.getItems().addListener((ListChangeListener<T>) this::rowsChanged);
    }

    private void rowsChanged(ListChangeListener.Change<? extends T> change) {
        try {
            if (!chosen.isEmpty()) {
                putRight(chosenStillShown(change));
            }
        } finally {
            rowsChanging = false;
        }
    }

    /** The chosen rows less those the change removed and did not add back; in the time of the change's rows, not all rows. */
    private List<T> chosenStillShown(ListChangeListener.Change<? extends T> change) {
        Set<T> left = identitySet(List.of());
        while (change.next()) {
            if (change.wasRemoved()) {
                for (T row : change.getRemoved()) {
                    if (chosenRows.contains(row)) {
                        left.add(row);
                    }
                }
            }
        }
        if (left.isEmpty()) {
            return chosen;
        }
        change.reset();
        while (change.next()) {
            if (change.wasAdded()) {
                change.getAddedSubList().forEach(left::remove);
            }
        }
        List<T> still = new ArrayList<>(chosen.size());
        for (T row : chosen) {
            if (!left.contains(row)) {
                still.add(row);
            }
        }
        return still;
    }

    /** Selects exactly these rows if the selection model selected anything else (it shifts by index, not by row). */
    private void putRight(List<T> wanted) {
        if (wanted != chosen) {
            choose(wanted);
        }
        List<T> selected = table.getSelectionModel().getSelectedItems();
        if (selected.size() == chosen.size() && chosenRows.containsAll(selected)) {
            return;
        }
        ObservableList<T> rows = table.getItems();
        Map<T, Integer> at = new IdentityHashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            at.put(rows.get(i), i);
        }
        table.getSelectionModel().clearSelection();
        if (!wanted.isEmpty()) {
            int[] rest = new int[wanted.size() - 1];
            for (int i = 1; i < wanted.size(); i++) {
                rest[i - 1] = at.get(wanted.get(i));
            }
            table.getSelectionModel().selectIndices(at.get(wanted.get(0)), rest);
        }
    }

    private void choose(List<T> rows) {
        chosen = rows;
        chosenRows = identitySet(rows);
    }

    private static <T> Set<T> identitySet(List<? extends T> rows) {
        Set<T> set = Collections.newSetFromMap(new IdentityHashMap<>(Math.max(4, rows.size() * 2)));
        set.addAll(rows);
        return set;
    }
}
