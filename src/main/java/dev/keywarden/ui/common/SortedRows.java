package dev.keywarden.ui.common;

import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * A table's rows in the order of its sorted columns, or in the source's order while no column is sorted: one list for
 * the table's life ({@link SortableList}), which follows the table's sort order ({@link ColumnOrder}). JavaFX's
 * {@code SortedList} renumbered every row at each change even unsorted (30% of the FX thread's time while 50,000 keys
 * loaded), placed each added row on its own when sorted (a load into a sorted table stalled the window for up to two seconds), and,
 * unsorted, kept every row it had held (50,000 forgotten keys stayed in memory after a change of connection).
 * The table's selection holds only rows the admin chose ({@link ExactSelection}); its visible rows are filled once
 * when rows come to it emptied or under a new filter ({@link SingleFillTableSkin}). Rows are compared by identity.
 */
public final class SortedRows {

    private SortedRows() {
    }

    /** Shows {@code source} in {@code table}, sorted by its columns; the table's selection, kept to the rows chosen. */
    public static <T> ExactSelection<T> install(TableView<T> table, ObservableList<T> source) {
        SortableList<T> rows = new SortableList<>(source);
        // The table makes a new comparator at each change of its sort order, a column's sort type or comparator.
        rows.orderProperty().bind(table.comparatorProperty().map(comparator -> ColumnOrder.of(table.getSortOrder())));
        ExactSelection<T> selection = new ExactSelection<>(table, rows);
        table.setItems(rows);
        SingleFillTableSkin.giveWhenShown(table);
        selection.listenAfterSelectionModel();
        // The rows follow the table's comparator, which the table sets before it asks its policy to sort.
        table.setSortPolicy(sorting -> true);
        return selection;
    }
}
