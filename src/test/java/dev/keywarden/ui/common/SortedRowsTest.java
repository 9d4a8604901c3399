package dev.keywarden.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SortedRowsTest {
    private final ObservableList<String> source = FXCollections.observableArrayList();
    private TableView<String> table;
    private TableColumn<String, String> name;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private <V> V fx(Callable<V> work) throws Exception {
        return OnFx.call(work);
    }

    private void table() throws Exception {
        fx(() -> {
            table = new TableView<>();
            name = new TableColumn<>("Name");
            name.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue()));
            table.getColumns().add(name);
            SortedRows.install(table, source);
            return null;
        });
    }

    @Test
    void theTableHoldsNoRowThatLeftSortedOrNot() throws Exception {
        table();
        WeakReference<String> last = fx(() -> {
            for (int i = 0; i < 1000; i++) {
                source.add("key " + i);
            }
            String row = new String("key 1000");
            source.add(row);
            return new WeakReference<>(row);
        });
        assertEquals(source, List.copyOf(table.getItems()));
        fx(() -> {
            table.getSortOrder().add(name);
            table.getSortOrder().clear();
            source.clear();
            return null;
        });

        assertEquals(List.of(), table.getItems());
        assertNull(collected(last), "a row that left is still held");
    }

    @Test
    void sortedAsBatchesComeTheTableHoldsNoRowThatLeft() throws Exception {
        table();
        WeakReference<String> first = fx(() -> {
            table.getSortOrder().add(name);
            String row = new String("key 0-0");
            for (int batch = 0; batch < 20; batch++) {
                List<String> rows = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    rows.add(batch == 0 && i == 0 ? row : "key " + batch + "-" + i);
                }
                source.addAll(rows);
            }
            return new WeakReference<>(row);
        });
        assertEquals(1000, table.getItems().size());
        assertEquals(Set.copyOf(source), Set.copyOf(table.getItems()));
        fx(() -> {
            source.clear();
            return null;
        });

        assertEquals(List.of(), table.getItems());
        assertNull(collected(first), "a row that left is still held");
    }

    @Test
    void rowsChangedManyAtOnceAreInOrderByTheNextFrameAndTheSelectionFollowsThem() throws Exception {
        HandToldList<String[]> rows = new HandToldList<>();
        TableView<String[]> changing = fx(() -> {
            TableView<String[]> view = nameTable(rows);
            for (int i = 0; i < 100; i++) {
                rows.add(new String[] {"m%03d".formatted(i)});
            }
            view.getSortOrder().add(view.getColumns().get(0));
            view.getSelectionModel().select(rows.get(10));
            return view;
        });
        String[] chosen = rows.get(10);
        int[] changed = java.util.stream.IntStream.range(0, 3 * SortableList.FEW_CHANGED).map(i -> 2 * i).toArray();

        fx(() -> {
            for (int index : changed) {
                rows.get(index)[0] = "z" + rows.get(index)[0]; // each to the end
            }
            rows.updated(changed);
            return null;
        });
        awaitFrames(2);

        List<String> names = fx(() -> changing.getItems().stream().map(row -> row[0]).toList());
        assertEquals(names.stream().sorted().toList(), names);
        assertEquals(chosen, fx(() -> changing.getSelectionModel().getSelectedItem()));
    }

    @Test
    void rowsChangedInPlaceLeaveTheSelectionAndFocusAloneSortedOrNot() throws Exception {
        HandToldList<String[]> rows = new HandToldList<>();
        List<String> heard = new ArrayList<>();
        TableView<String[]> view = fx(() -> {
            TableView<String[]> shown = nameTable(rows);
            for (int i = 0; i < 10; i++) {
                rows.add(new String[] {"k" + i});
            }
            shown.getSelectionModel().select(3);
            shown.getSelectionModel().getSelectedCells().addListener((ListChangeListener<Object>) change -> heard.add("selection"));
            shown.getFocusModel().focusedCellProperty().addListener((javafx.beans.Observable focus) -> heard.add("focus"));
            return shown;
        });
        String[] chosen = rows.get(3);

        fx(() -> {
            chosen[0] = "k3, renamed"; // still sorts where it is
            rows.updated(3);
            rows.updated(0, 1, 2, 4, 5, 6, 7, 8, 9);
            view.getSortOrder().add(view.getColumns().get(0));
            heard.clear(); // sorting is a permutation, told
            rows.updated(3);
            rows.updated(0, 1, 2, 4, 5, 6, 7, 8, 9);
            return null;
        });
        awaitFrames(2);

        assertEquals(List.of(), heard, "JavaFX's selection model selects its row again at any change of the rows");
        assertEquals(chosen, fx(() -> view.getSelectionModel().getSelectedItem()));
    }

    /** A table of one column, each row's first text, showing {@code rows} (on the FX thread). */
    private static TableView<String[]> nameTable(HandToldList<String[]> rows) {
        TableView<String[]> view = new TableView<>();
        TableColumn<String[], String> byName = new TableColumn<>("Name");
        byName.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue()[0]));
        view.getColumns().add(byName);
        SortedRows.install(view, rows);
        return view;
    }

    /** Returns once {@code count} pulses have begun: work asked of the next frame is done. */
    private void awaitFrames(int count) throws Exception {
        java.util.concurrent.CountDownLatch frames = new java.util.concurrent.CountDownLatch(count);
        javafx.animation.AnimationTimer counter = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.countDown();
            }
        };
        fx(() -> {
            counter.start();
            return null;
        });
        try {
            if (!frames.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("no pulse in 10 s");
            }
        } finally {
            fx(() -> {
                counter.stop();
                return null;
            });
        }
    }

    /** Null once the referent is collected, after a few collections; else the referent. */
    private static Object collected(WeakReference<?> reference) throws InterruptedException {
        for (int attempt = 0; attempt < 20 && reference.get() != null; attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        return reference.get();
    }

    @Test
    void aSortedColumnSortsTheRowsAsTheyComeAndUnsortingGivesTheSourcesOrderInTheSameList() throws Exception {
        table();
        source.setAll("b", "c", "a");
        List<Object> seen = fx(() -> {
            List<Object> steps = new ArrayList<>();
            ObservableList<String> before = table.getItems();
            name.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().add(name);
            steps.add(List.copyOf(table.getItems()));
            source.clear();
            source.addAll("y", "z", "x");
            steps.add(List.copyOf(table.getSortOrder()).equals(List.of(name)));
            steps.add(List.copyOf(table.getItems()));
            table.getSortOrder().clear();
            steps.add(table.getItems() == before);
            steps.add(List.copyOf(table.getItems()));
            return steps;
        });
        assertEquals(List.of(List.of("c", "b", "a"), true, List.of("z", "y", "x"), true, List.of("y", "z", "x")), seen);
    }

    @Test
    void theSelectedRowsStaySelectedWhenTheTableIsSortedAndUnsorted() throws Exception {
        table();
        List<Object> seen = fx(() -> {
            List<Object> steps = new ArrayList<>();
            source.setAll("d", "b", "e", "a", "c");
            table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
            table.getSelectionModel().selectIndices(4, 0, 2); // c, d, e; e last
            table.getSortOrder().add(name);
            steps.add(List.copyOf(table.getItems()));
            steps.add(table.getSelectionModel().getSelectedItems().stream().sorted().toList());
            steps.add(table.getSelectionModel().getSelectedItem());
            table.getSortOrder().clear();
            steps.add(table.getSelectionModel().getSelectedItems().stream().sorted().toList());
            steps.add(table.getSelectionModel().getSelectedItem());
            return steps;
        });
        assertEquals(List.of(List.of("a", "b", "c", "d", "e"), List.of("c", "d", "e"), "e", List.of("c", "d", "e"), "e"), seen);
    }

    @Test
    void aChangeOfTheSortedColumnsTypeComparatorOrSortabilitySortsTheRowsAgain() throws Exception {
        table();
        List<Object> seen = fx(() -> {
            List<Object> steps = new ArrayList<>();
            source.setAll("éclair", "Zebra", "apple", "eclair");
            name.setComparator(CollatedText.ORDER);
            table.getSortOrder().add(name);
            steps.add(List.copyOf(table.getItems()));
            name.setSortType(TableColumn.SortType.DESCENDING);
            steps.add(List.copyOf(table.getItems()));
            name.setComparator(java.util.Comparator.comparing(String::length).thenComparing(java.util.Comparator.naturalOrder()));
            steps.add(List.copyOf(table.getItems()));
            name.setSortable(false);
            steps.add(List.copyOf(table.getItems()));
            return steps;
        });
        assertEquals(List.of(List.of("apple", "eclair", "éclair", "Zebra"), List.of("Zebra", "éclair", "eclair", "apple"),
                List.of("éclair", "eclair", "apple", "Zebra"), List.of("éclair", "Zebra", "apple", "eclair")), seen);
    }
}
