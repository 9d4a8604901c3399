package dev.keywarden.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's rows in the order of its sorted columns. While no column is sorted the table shows {@code source} itself;
 * sorting a column puts a {@link SortedList} of it in between, bound to the table's comparator, until no column is
 * sorted again. Unsorted, JavaFX's SortedList (21) renumbers all its rows at every change, which was 30% of the FX
 * thread's time while 50,000 keys loaded, and keeps every row it held (rows that leave are moved out of its array,
 * not cleared from it), which kept 50,000 forgotten keys in memory after a change of connection. The list a table
 * shows changes when it is sorted: listen to its rows through {@link #addListener}.
 */
public final class SortedRows {

    private SortedRows() {
    }

    public static <T> void install(TableView<T> table, ObservableList<T> source) {
        table.setItems(source);
        table.setSortPolicy(sorting -> {
            show(sorting, source);
            return true;
        });
        show(table, source);
    }

    /** Tells {@code listener} every change of the rows {@code table} shows, across the lists it shows. */
    public static <T> void addListener(TableView<T> table, ListChangeListener<? super T> listener) {
        addListener(table.itemsProperty(), listener);
    }

    /** The source while the table has no comparator, else a sorted list of it that follows the comparator. */
    private static <T> void show(TableView<T> table, ObservableList<T> source) {
        ObservableList<T> shown = table.getItems();
        if (table.getComparator() == null) {
            if (shown != source) {
                showKeepingSelection(table, source);
                if (shown instanceof SortedList<T> sorted) {
                    // It hears the source until it is collected: unsorted, it does the least for nobody.
                    sorted.comparatorProperty().unbind();
                    sorted.setComparator(null);
                }
            }
        } else if (shown == source) {
            SortedList<T> sorted = new SortedList<>(source);
            sorted.comparatorProperty().bind(table.comparatorProperty());
            showKeepingSelection(table, sorted);
        }
    }

    /**
     * Shows {@code rows} with the same rows selected and focused: a table given other items keeps only one selected
     * row, and the admin who selected twenty keys and sorted them would plan a change for one.
     */
    private static <T> void showKeepingSelection(TableView<T> table, ObservableList<T> rows) {
        TableView.TableViewSelectionModel<T> selection = table.getSelectionModel();
        List<T> selected = selection == null ? List.of() : List.copyOf(selection.getSelectedItems());
        T last = selection == null ? null : selection.getSelectedItem();
        T focused = table.getFocusModel() == null ? null : table.getFocusModel().getFocusedItem();
        table.setItems(rows);
        if (selected.isEmpty() && focused == null) {
            return;
        }
        Map<T, Integer> at = new IdentityHashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            at.put(rows.get(i), i);
        }
        List<Integer> indices = new ArrayList<>();
        for (T row : selected) {
            Integer index = at.get(row);
            if (index != null && row != last) {
                indices.add(index);
            }
        }
        if (last != null && at.get(last) != null) {
            indices.add(at.get(last)); // the selected item is the one selected last
        }
        if (!indices.isEmpty()) {
            int[] rest = indices.subList(1, indices.size()).stream().mapToInt(Integer::intValue).toArray();
            selection.selectIndices(indices.get(0), rest);
        }
        Integer focus = focused == null ? null : at.get(focused);
        if (focus != null) {
            table.getFocusModel().focus(focus);
        }
    }

    static <T> void addListener(ObservableValue<ObservableList<T>> items, ListChangeListener<? super T> listener) {
        List<ObservableList<T>> heard = new ArrayList<>(List.of(items.getValue()));
        heard.get(0).addListener(listener);
        items.addListener((InvalidationListener) changed -> {
            ObservableList<T> shown = items.getValue();
            if (shown != null && shown != heard.get(0)) {
                heard.get(0).removeListener(listener);
                shown.addListener(listener);
                heard.set(0, shown);
            }
        });
    }
}
