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
 * Keeps a table's selection to the rows the admin selected when the rows change: the selected rows still shown stay
 * selected, those that left are no longer, and no other row is selected in their place. JavaFX's selection model
 * selects the row above one that was removed alone (a filter hiding the selected key selected its neighbour), and
 * after a removal of several rows around a selected one, or a change in several runs (rows merged into a sorted
 * table), keeps the selected index, now another row's: "Deactivate…" would then have planned a key nobody chose.
 *
 * <p>It listens to the table's rows twice: first, before the selection model, to note that the rows are changing
 * ({@link #rowsChanging()}: what the selection model selects meanwhile is not the admin's), and last, after it, to put
 * the selection right. Selections made while the rows do not change are the admin's. Each change of the rows costs a
 * look at each row it removed; putting the selection right, a pass over the rows until every chosen row is found.
 * The table must keep these rows and its selection model: neither {@code setItems} nor {@code setSelectionModel}
 * after {@link SortedRows#install}.
 */
public final class ExactSelection<T> {
    private final TableView<T> table;
    private final ObservableList<T> rows;
    /** The rows the admin selected, as last seen outside a change of the rows. */
    private List<T> chosen = List.of();
    /** The same rows, to look up. */
    private Set<T> chosenRows = identitySet(List.of());
    /** The row the admin selected last (the selection model's selected item), kept last when the selection is put right. */
    private T lead;
    private boolean rowsChanging;

    /** Call before the table is given {@code rows}; then {@link #listenAfterSelectionModel()} once it has them. */
    ExactSelection(TableView<T> table, ObservableList<T> rows) {
        this.table = table;
        this.rows = rows;
        rows.addListener((ListChangeListener<T>) change -> rowsChanging = true);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<T>) change -> {
            if (!rowsChanging) {
                choose(new ArrayList<>(table.getSelectionModel().getSelectedItems()));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, before, row) -> {
            if (!rowsChanging) {
                lead = row;
            }
        });
    }

    /** Listens to the rows after the table's selection model, which the table registered when given them. */
    void listenAfterSelectionModel() {
        rows.addListener((ListChangeListener<T>) this::rowsChanged);
    }

    /**
     * Whether the table's rows are changing: the selection model's selection may then be about to be put right, so a
     * listener that acts on the selected row (the projects table loads its keys) waits for the change's end.
     */
    public boolean rowsChanging() {
        return rowsChanging;
    }

    private void rowsChanged(ListChangeListener.Change<? extends T> change) {
        try {
            putRight(chosen.isEmpty() ? chosen : chosenStillShown(change));
        } finally {
            rowsChanging = false;
        }
    }

    /** The chosen rows less those the change removed and did not add back (a look at the change's rows only). */
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
        Map<T, Integer> at = placesOfChosen();
        List<Integer> indices = new ArrayList<>(chosen.size());
        for (T row : chosen) {
            Integer index = at.get(row);
            if (index != null && row != lead) {
                indices.add(index);
            }
        }
        Integer leadIndex = lead == null ? null : at.get(lead);
        if (leadIndex != null) {
            indices.add(leadIndex); // last: the selection model's selected item and focus, as the admin left them
        } else {
            lead = null;
        }
        table.getSelectionModel().clearSelection();
        if (!indices.isEmpty()) {
            int[] rest = indices.subList(1, indices.size()).stream().mapToInt(Integer::intValue).toArray();
            table.getSelectionModel().selectIndices(indices.get(0), rest);
        }
    }

    /** Where the chosen rows are shown, in one pass over the rows that stops once each is found. */
    private Map<T, Integer> placesOfChosen() {
        Map<T, Integer> at = new IdentityHashMap<>();
        for (int i = 0; i < rows.size() && at.size() < chosen.size(); i++) {
            T row = rows.get(i);
            if (chosenRows.contains(row)) {
                at.putIfAbsent(row, i);
            }
        }
        return at;
    }

    private void choose(List<T> rowsChosen) {
        chosen = rowsChosen;
        chosenRows = identitySet(rowsChosen);
    }

    private static <T> Set<T> identitySet(List<? extends T> rows) {
        Set<T> set = Collections.newSetFromMap(new IdentityHashMap<>(Math.max(4, rows.size() * 2)));
        set.addAll(rows);
        return set;
    }
}
