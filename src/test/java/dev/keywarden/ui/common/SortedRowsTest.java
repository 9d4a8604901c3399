package dev.keywarden.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class SortedRowsTest {
    private final ObservableList<StringBuilder> source = FXCollections.observableArrayList();
    private final ObjectProperty<Comparator<StringBuilder>> order = new SimpleObjectProperty<>();
    private final ObjectProperty<ObservableList<StringBuilder>> items = new SimpleObjectProperty<>();
    private final ObservableList<String> sortOrder = FXCollections.observableArrayList();

    @Test
    void rowsThatLeftAnUnsortedTableCanBeCollected() throws InterruptedException {
        SortedRows.install(source, order, items, sortOrder);
        List<StringBuilder> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new StringBuilder("key " + i));
        }
        source.addAll(rows);
        assertEquals(1000, items.get().size());
        WeakReference<StringBuilder> last = new WeakReference<>(rows.get(999));
        rows.clear();

        source.clear();

        assertEquals(List.of(), items.get());
        for (int attempt = 0; attempt < 20 && last.get() != null; attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(last.get(), "the table's rows still hold a row that left");
    }

    @Test
    void theRowsShownAfterTheSourceEmptiedFollowTheTablesOrder() {
        SortedRows.install(source, order, items, sortOrder);
        source.addAll(new StringBuilder("b"), new StringBuilder("a"));
        source.clear();
        source.addAll(new StringBuilder("d"), new StringBuilder("c"));
        assertEquals(List.of("d", "c"), texts(items.get()));

        order.set(Comparator.comparing(StringBuilder::toString));

        assertEquals(List.of("c", "d"), texts(items.get()));
        source.add(new StringBuilder("a"));
        assertEquals(List.of("a", "c", "d"), texts(items.get()));
    }

    @Test
    void aListenerToTheRowsShownHearsEveryChangeAcrossTheListsShown() {
        SortedRows.install(source, order, items, sortOrder);
        List<String> heard = new ArrayList<>();
        List<ObservableList<StringBuilder>> tableWasTold = new ArrayList<>();
        items.addListener((obs, before, after) -> tableWasTold.add(after));
        SortedRows.addListener(items, change -> heard.add(change.getList().size() + (change.getList() == items.get() ? " shown" : " in a list no longer shown")));
        source.add(new StringBuilder("a"));
        source.clear();
        source.add(new StringBuilder("b"));
        source.clear();
        source.add(new StringBuilder("c"));

        assertEquals(List.of("1 shown", "0 shown", "1 shown", "0 shown", "1 shown"), heard);
        assertEquals(List.of("c"), texts(items.get()));
        assertSame(items.get(), tableWasTold.get(tableWasTold.size() - 1), "a change listener of the items knows the list shown");
    }

    @Test
    void aTableKeepsItsSortedColumnsWhenItsRowsEmptyAndComeBack() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<Object> seen = new ArrayList<>();
        FxToolkit.setupFixture(() -> {
            TableView<String> table = new TableView<>();
            TableColumn<String, String> name = new TableColumn<>("Name");
            name.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue()));
            table.getColumns().add(name);
            ObservableList<String> rows = FXCollections.observableArrayList("b", "c", "a");
            SortedRows.install(table, rows);
            name.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().add(name);
            seen.add(List.copyOf(table.getItems()));

            rows.clear();
            rows.addAll("y", "z", "x");

            seen.add(List.copyOf(table.getSortOrder()).equals(List.of(name)));
            seen.add(List.copyOf(table.getItems()));
        });
        assertEquals(List.of(List.of("c", "b", "a"), true, List.of("z", "y", "x")), seen);
    }

    private static List<String> texts(List<StringBuilder> rows) {
        return rows.stream().map(StringBuilder::toString).toList();
    }
}
