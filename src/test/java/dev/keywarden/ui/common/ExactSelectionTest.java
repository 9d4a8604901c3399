package dev.keywarden.ui.common;

import javafx.beans.Observable;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A table installed by {@link SortedRows} selects only rows the admin chose, whatever leaves it. */
class ExactSelectionTest {
    private final ObservableList<Key> keys = FXCollections.observableArrayList(key -> new Observable[] {key.active});
    private final FilteredList<Key> activeOnly = new FilteredList<>(keys, key -> key.active.get());
    private TableView<Key> table;
    private TableColumn<Key, String> name;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private record Key(String name, SimpleBooleanProperty active) {
        Key(String name) {
            this(name, new SimpleBooleanProperty(true));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private <V> V fx(Callable<V> work) throws Exception {
        return OnFx.call(work);
    }

    /** A table of 50 keys, key 0 to key 49, showing the active ones; several can be selected. */
    private void table() throws Exception {
        table(SelectionMode.MULTIPLE);
    }

    private void table(SelectionMode mode) throws Exception {
        fx(() -> {
            for (int i = 0; i < 50; i++) {
                keys.add(new Key("key " + i));
            }
            table = new TableView<>();
            name = new TableColumn<>("Name");
            name.setCellValueFactory(row -> new SimpleStringProperty(row.getValue().name()));
            table.getColumns().add(name);
            table.getSelectionModel().setSelectionMode(mode);
            SortedRows.install(table, activeOnly);
            return null;
        });
    }

    private List<String> selected() {
        return table.getSelectionModel().getSelectedItems().stream().map(Key::name).sorted().toList();
    }

    @Test
    void aSelectedKeyThatTheFilterHidesLeavesTheSelectionAndItsNeighbourIsNotSelected() throws Exception {
        table();
        List<String> after = fx(() -> {
            table.getSelectionModel().select(15);
            keys.get(15).active().set(false); // switched off while the table shows active keys: JavaFX selected key 14
            return selected();
        });
        assertEquals(List.of(), after);
    }

    @Test
    void inATableOfOneSelectionAKeyThatLeavesAloneLeavesNothingSelected() throws Exception {
        table(SelectionMode.SINGLE);
        List<Object> seen = fx(() -> {
            List<Object> steps = new ArrayList<>();
            table.getSelectionModel().select(15);
            keys.get(15).active().set(false); // JavaFX selected key 14
            steps.add(selected());
            steps.add(table.getSelectionModel().getSelectedItem());
            table.getSelectionModel().select(20); // key 21
            keys.remove(0, 3);
            steps.add(selected());
            return steps;
        });
        assertEquals(java.util.Arrays.asList(List.of(), null, List.of("key 21")), seen);
    }

    @Test
    void rowsMergedIntoASortedTableLeaveTheSelectionOnTheRowsChosenAndTheLastChosenStaysTheSelectedOne() throws Exception {
        table();
        List<Object> seen = fx(() -> {
            List<Object> steps = new ArrayList<>();
            table.getSortOrder().add(name); // key 0, key 1, key 10, ..., key 19, key 2, key 20, ...
            table.getSelectionModel().select(table.getItems().indexOf(keys.get(40)));
            table.getSelectionModel().select(table.getItems().indexOf(keys.get(2))); // above key 40: the last chosen
            keys.addAll(new Key("key 05"), new Key("key 15"), new Key("key 25"), new Key("key 35"), new Key("key 45"));
            steps.add(selected());
            steps.add(table.getSelectionModel().getSelectedItem().name());
            steps.add(table.getFocusModel().getFocusedItem().name());
            return steps;
        });
        assertEquals(List.of(List.of("key 2", "key 40"), "key 2", "key 2"), seen);
    }

    @Test
    void rowsRemovedAroundTheSelectedOneSelectNoOtherRow() throws Exception {
        table();
        List<String> after = fx(() -> {
            table.getSelectionModel().select(20);
            keys.remove(15, 30); // JavaFX kept an index, now another key's
            return selected();
        });
        assertEquals(List.of(), after);
    }

    @Test
    void theSelectedRowsStillShownStaySelectedWhereverTheyMove() throws Exception {
        table();
        List<Object> seen = fx(() -> {
            List<Object> steps = new ArrayList<>();
            table.getSelectionModel().selectIndices(10, 20, 30);
            keys.get(20).active().set(false);
            steps.add(selected());
            keys.remove(0, 5);
            steps.add(selected());
            steps.add(table.getSelectionModel().getSelectedIndices().stream().sorted().toList());
            name.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().add(name);
            steps.add(selected());
            return steps;
        });
        assertEquals(List.of(List.of("key 10", "key 30"), List.of("key 10", "key 30"), List.of(5, 24),
                List.of("key 10", "key 30")), seen);
    }

    @Test
    void aNewFilterKeepsTheSelectedRowsItShowsAndRowsItHidesDoNotComeBackSelected() throws Exception {
        table();
        List<Object> seen = fx(() -> {
            List<Object> steps = new ArrayList<>();
            table.getSelectionModel().selectIndices(10, 30);
            activeOnly.setPredicate(key -> key.name().endsWith("0")); // JavaFX kept only the row selected last
            steps.add(selected());
            activeOnly.setPredicate(key -> key.name().length() == 6 && key.name().charAt(4) < '2');
            steps.add(selected());
            activeOnly.setPredicate(null);
            steps.add(selected());
            steps.add(table.getSelectionModel().getSelectedIndices());
            return steps;
        });
        assertEquals(List.of(List.of("key 10", "key 30"), List.of("key 10"), List.of("key 10"), List.of(10)), seen);
    }

    @Test
    void manySelectedRowsArePutRightToo() throws Exception {
        table();
        List<String> chosen = new ArrayList<>();
        List<Object> seen = fx(() -> {
            List<Object> steps = new ArrayList<>();
            table.getSortOrder().add(name);
            for (int i = 10; i < 50; i += 2) {
                table.getSelectionModel().select(table.getItems().indexOf(keys.get(i)));
                chosen.add("key " + i);
            }
            keys.addAll(new Key("key 05"), new Key("key 15"), new Key("key 25"), new Key("key 35"), new Key("key 45"));
            steps.add(selected());
            steps.add(table.getSelectionModel().getSelectedItem().name());
            return steps;
        });
        assertEquals(List.of(chosen.stream().sorted().toList(), "key 48"), seen);
    }

    @Test
    void whatTheAdminSelectsAfterAChangeIsWhatIsKept() throws Exception {
        table();
        List<String> after = fx(() -> {
            table.getSelectionModel().select(3);
            keys.get(3).active().set(false);
            table.getSelectionModel().select(7); // key 8 now
            keys.remove(0, 2);
            keys.get(0).active().set(false); // key 2, before key 8: the selection moves up with its key
            return selected();
        });
        assertEquals(List.of("key 8"), after);
    }
}
