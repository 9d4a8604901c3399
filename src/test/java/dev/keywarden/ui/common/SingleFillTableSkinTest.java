package dev.keywarden.ui.common;

import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table fills its visible rows once when rows come to it emptied or under a new filter (JavaFX 21's own skin filled
 * them twice, emptying them between), and still shows the right rows after every kind of change: rows replaced by as
 * many others, a new filter, rows that leave and come back, a row that changed meanwhile.
 */
class SingleFillTableSkinTest {
    private final ObservableList<Key> keys = FXCollections.observableArrayList();
    private final FilteredList<Key> shown = new FilteredList<>(keys, key -> true);
    private final List<String> filled = new ArrayList<>();
    private int emptied;
    private TableView<Key> table;
    /** Keys whose name starts so are hot: their rows show it by a pseudo-class, their text red. */
    private static final String HOT = "hot";
    private static final javafx.css.PseudoClass HOT_ROW = javafx.css.PseudoClass.getPseudoClass(HOT);
    private static final String HOT_STYLE = "data:text/css;base64," + java.util.Base64.getEncoder().encodeToString(
            ".table-row-cell:hot .table-cell { -fx-text-fill: red; }".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    /** Rows of a fixed height (as in the console they are not): the number of visible rows is then known. */
    private boolean fixedHeightRows = true;

    /** Compared by identity, as the console's rows are. */
    private static final class Key {
        final SimpleStringProperty name;

        Key(String name) {
            this.name = new SimpleStringProperty(name);
        }
    }

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private <V> V fx(Callable<V> work) throws Exception {
        return OnFx.call(work);
    }

    private static List<Key> named(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> new Key(prefix + " " + i)).toList();
    }

    /** A table of one column, 10 rows high, installed as the console's are; every fill of a cell is counted. */
    private void table() throws Exception {
        table(List.of());
    }

    private void table(List<Key> first) throws Exception {
        fx(() -> {
            keys.setAll(first);
            table = new TableView<>();
            TableColumn<Key, String> name = new TableColumn<>("Name");
            name.setCellValueFactory(row -> row.getValue().name);
            name.setCellFactory(column -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    if (empty) {
                        emptied++;
                    } else {
                        filled.add(item);
                    }
                }
            });
            table.getColumns().add(name);
            table.setRowFactory(view -> new TableRow<>() {
                @Override
                protected void updateItem(Key key, boolean empty) {
                    super.updateItem(key, empty);
                    pseudoClassStateChanged(HOT_ROW, !empty && key.name.get().startsWith(HOT));
                }
            });
            if (fixedHeightRows) {
                table.setFixedCellSize(24);
            }
            SortedRows.install(table, shown);
            new Scene(table, 300, 24 * 10 + 30).getStylesheets().add(HOT_STYLE);
            layOut();
            return null;
        });
    }

    private void layOut() {
        table.applyCss();
        table.layout();
    }

    /** The cells of the rows the table shows (on the FX thread). */
    private Stream<TableCell<?, ?>> cellsOfShownRows() {
        return table.lookupAll(".table-cell").stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && cell.getTableRow().isVisible())
                .map(node -> (TableCell<?, ?>) node);
    }

    /** The visible, filled cells of the rows the table shows (on the FX thread). */
    private Stream<TableCell<?, ?>> filledCells() {
        return cellsOfShownRows().filter(cell -> cell.isVisible() && !cell.isEmpty());
    }

    /** The names the visible, filled cells show, top to bottom. */
    private List<String> onScreen() throws Exception {
        return fx(() -> {
            layOut();
            return filledCells().sorted(Comparator.comparingInt(TableCell::getIndex)).map(TableCell::getText).toList();
        });
    }

    @Test
    void rowsComingToTheEmptiedTableFillEachVisibleRowOnceAndEmptyNone() throws Exception {
        table();
        fx(() -> {
            keys.setAll(named("old", 40)); // then forgotten, as a change of connection does
            layOut();
            keys.clear();
            layOut();
            filled.clear();
            emptied = 0;
            keys.setAll(named("key", 40));
            layOut();
            return null;
        });
        assertThat(filled).hasSizeLessThanOrEqualTo(11).doesNotHaveDuplicates().contains("key 0", "key 8");
        assertThat(emptied).isZero();
        assertThat(onScreen()).startsWith("key 0", "key 1", "key 2").contains("key 8");
    }

    /** Each visible cell shows the row at its index. */
    private void showsItsRows() throws Exception {
        List<String> wrong = fx(() -> {
            layOut();
            return filledCells()
                    .filter(cell -> !table.getItems().get(cell.getIndex()).name.get().equals(cell.getText()))
                    .map(cell -> cell.getIndex() + ": " + cell.getText()).toList();
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void aTableShownWithRowsShowsTheFirstOnes() throws Exception {
        fixedHeightRows = false;
        table(named("key", 40));
        assertThat(onScreen()).startsWith("key 0", "key 1").contains("key 8");
    }

    @Test
    void aNewFilterWhileScrolledShowsRowsInTheirPlaces() throws Exception {
        table(named("key", 40));
        fx(() -> {
            table.scrollTo(25);
            layOut();
            shown.setPredicate(key -> !key.name.get().endsWith("7"));
            return null;
        });
        showsItsRows();
        assertThat(onScreen()).hasSizeGreaterThanOrEqualTo(10).doesNotContain("key 27");
    }

    @Test
    void aNewFilterThatMovesTheRowsOnScreenGivesTheirCellsTheirNewPlaces() throws Exception {
        table(named("key", 40));
        // The 30 rows above leave: the 10 left fill the screen, each row now showing its key at another index.
        scrolledToTheEndThenShowingFrom(30);
        assertThat(misplacedCells()).isEmpty();
        fx(() -> {
            keys.get(39).name.set("key 39, renamed");
            return null;
        });
        showsItsRows();
        assertThat(onScreen()).contains("key 39, renamed");
    }

    @Test
    void aRowThatNowShowsAKeyOfAnotherStateIsStyledForItInTheSameLayout() throws Exception {
        List<Key> keysShown = new ArrayList<>(named("key", 40));
        keysShown.set(21, new Key("hot 21"));
        table(keysShown);
        List<Object> seen = fx(() -> {
            Object before = textFill(0);
            shown.setPredicate(key -> key.name.get().endsWith("1")); // row 0 now shows "key 1", row 2 "hot 21"
            table.layout(); // the layout alone: no CSS pass of the scene between
            return List.of(before, textFill(0), textFill(2), textFill(1));
        });
        Object usual = seen.get(0);
        assertThat(usual).isNotEqualTo(Color.RED);
        assertThat(seen).containsExactly(usual, usual, Color.RED, usual);
        showsItsRows();
    }

    @Test
    void rowsAddedBelowTheScreenLeaveTheRowsOnItAsTheyWere() throws Exception {
        tableWithHotThirdRow();
        List<Object> seen = fx(() -> {
            filled.clear();
            emptied = 0;
            keys.addAll(named("more", 30)); // a load's next batch: the row count changes, the rows on screen do not
            table.layout();
            return List.of(textFill(0), textFill(2), textFill(3));
        });
        assertThat(filled).isEmpty();
        assertThat(emptied).isZero();
        assertThat(seen.get(1)).isEqualTo(Color.RED);
        assertThat(seen.get(0)).isNotEqualTo(Color.RED).isEqualTo(seen.get(2));
        assertThat(onScreen()).startsWith("key 0", "key 1", "hot 2", "key 3");
        showsItsRows();
    }

    @Test
    void rowsAddedAboveTheScreenMoveTheRowsOnItWithTheirStyles() throws Exception {
        tableWithHotThirdRow();
        List<Object> seen = fx(() -> {
            keys.add(0, new Key("new 0")); // each row on screen keeps its index and takes the key before it
            table.layout(); // the layout alone: no CSS pass of the scene between
            return List.of(textFill(2), textFill(3));
        });
        assertThat(seen.get(0)).isNotEqualTo(Color.RED);
        assertThat(seen.get(1)).isEqualTo(Color.RED);
        assertThat(onScreen()).startsWith("new 0", "key 0", "key 1", "hot 2");
        showsItsRows();
    }

    @Test
    void aKeyRenamedInPlaceShowsItsNewNameThoughItsListTellsTheTableNothing() throws Exception {
        table(named("key", 20));
        fx(() -> {
            keys.get(2).name.set("key 2, renamed"); // the list tells no change: the cell follows its row
            return null;
        });
        assertThat(onScreen()).startsWith("key 0", "key 1", "key 2, renamed", "key 3");
    }

    /** The table of 20 keys whose third, "hot 2", shows red. */
    private void tableWithHotThirdRow() throws Exception {
        List<Key> first = new ArrayList<>(named("key", 20));
        first.set(2, new Key("hot 2"));
        table(first);
    }

    /** The text colour of the cell showing row {@code index}. */
    private Object textFill(int index) {
        return cellsOfShownRows().filter(cell -> cell.getIndex() == index).map(TableCell::getTextFill).findFirst().orElseThrow();
    }

    @Test
    void rowsOfTheirOwnHeightsScrolledAfterSuchAFilterShowTheirRowsInPlace() throws Exception {
        fixedHeightRows = false;
        table(named("key", 60));
        scrolledToTheEndThenShowingFrom(30);
        for (int top : new int[] {25, 20, 12, 5, 0, 9, 29}) {
            fx(() -> {
                table.scrollTo(top);
                layOut();
                return null;
            });
            assertThat(misplacedCells()).as("scrolled to row %d", top).isEmpty();
            showsItsRows();
        }
    }

    /** Scrolls to the last key, then shows only the keys from number {@code first} on. */
    private void scrolledToTheEndThenShowingFrom(int first) throws Exception {
        fx(() -> {
            table.scrollTo(keys.size() - 1);
            layOut();
            shown.setPredicate(key -> Integer.parseInt(key.name.get().substring(4)) >= first);
            layOut();
            return null;
        });
    }

    /** Cells of a visible row whose index is not their row's. */
    private List<String> misplacedCells() throws Exception {
        return fx(() -> cellsOfShownRows().filter(cell -> cell.getIndex() != cell.getTableRow().getIndex())
                .map(cell -> cell.getIndex() + " in row " + cell.getTableRow().getIndex()).toList());
    }

    @Test
    void rowsReplacedByAsManyOthersShowTheNewOnes() throws Exception {
        table();
        fx(() -> keys.setAll(named("old", 40)));
        assertThat(onScreen()).startsWith("old 0");
        fx(() -> keys.setAll(named("new", 40)));
        assertThat(onScreen()).startsWith("new 0", "new 1").noneMatch(text -> text.startsWith("old"));
    }

    @Test
    void aNewFilterFillsTheRowsItKeepsOnceAndShowsThem() throws Exception {
        table();
        fx(() -> keys.setAll(named("key", 40)));
        fx(() -> {
            layOut();
            filled.clear();
            emptied = 0;
            shown.setPredicate(key -> key.name.get().endsWith("7"));
            layOut();
            return null;
        });
        assertThat(filled).containsExactly("key 7", "key 17", "key 27", "key 37"); // once each
        assertThat(onScreen()).containsExactly("key 7", "key 17", "key 27", "key 37");
        fx(() -> {
            shown.setPredicate(key -> key.name.get().endsWith("1") || key.name.get().endsWith("7"));
            return null;
        });
        assertThat(onScreen()).containsExactly("key 1", "key 7", "key 11", "key 17", "key 21", "key 27", "key 31", "key 37");
    }

    @Test
    void rowsThatLeaveAndComeBackShowWhatTheyHoldNow() throws Exception {
        table();
        List<Key> same = named("key", 40);
        fx(() -> keys.setAll(same));
        fx(() -> {
            keys.clear();
            layOut();
            same.get(2).name.set("key 2, renamed while away");
            keys.setAll(same);
            return null;
        });
        assertThat(onScreen()).startsWith("key 0", "key 1", "key 2, renamed while away", "key 3");
        Predicate<String> none = text -> false;
        fx(() -> {
            shown.setPredicate(key -> none.test(key.name.get()));
            layOut();
            shown.setPredicate(key -> true);
            return null;
        });
        assertThat(onScreen()).startsWith("key 0", "key 1", "key 2, renamed while away", "key 3");
    }
}
