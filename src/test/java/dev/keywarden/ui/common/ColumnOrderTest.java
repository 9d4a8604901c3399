package dev.keywarden.ui.common;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Sorting by keys worked out once a row gives the order the table's own comparator gives. */
class ColumnOrderTest {
    private record Row(String project, String name, int uses) {
    }

    private static final List<String> TEXTS = Arrays.asList("apple", "Apple", "Äpfel", "éclair", "eclair", "Zebra", "zebra",
            "key 10", "key 9", "", null, "Ω", "ångström");

    private final TableView<Row> table = new TableView<>();
    private final TableColumn<Row, String> project = column("Project", Row::project);
    private final TableColumn<Row, String> name = column("Name", Row::name);
    private final TableColumn<Row, Integer> uses = column("Uses", Row::uses);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // a table's class needs the toolkit started; the table is never shown
    }

    @Test
    void collatedColumnsSortAsTheirCollatorWithNoTextFirst() {
        project.setComparator(CollatedText.ORDER);
        name.setComparator(CollatedText.ORDER);
        for (TableColumn.SortType type : TableColumn.SortType.values()) {
            name.setSortType(type);
            assertSameOrder(List.of(project, name));
            assertSameOrder(List.of(name));
        }
    }

    @Test
    void descendingColumnsAndTiesGoingToTheNextColumnSortAsTheTableDoes() {
        project.setSortType(TableColumn.SortType.DESCENDING);
        uses.setSortType(TableColumn.SortType.ASCENDING);
        assertSameOrder(List.of(project, uses));
        assertSameOrder(List.of(uses, project, name));
    }

    @Test
    void aColumnThatIsNotSortableOrHasNoSortTypeIsPassedOver() {
        project.setComparator(CollatedText.ORDER);
        project.setSortable(false);
        name.setSortType(null);
        assertSameOrder(List.of(project, name, uses));
    }

    @Test
    void moreTextsThanItKeepsKeysForStillSortByTheirCollation() {
        name.setComparator(CollatedText.ORDER);
        table.getSortOrder().setAll(List.of(name));
        ColumnOrder<Row> order = ColumnOrder.of(table.getSortOrder());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ColumnOrder.TEXTS_KEPT + 500; i++) {
            rows.add(new Row("p", (i % 3 == 0 ? "É" : "e") + Integer.toString(i, 36), 0));
        }
        List<Object> keys = rows.stream().map(order::keyOf).toList();
        for (int i = 0; i < rows.size(); i += 37) {
            for (int j = rows.size() - 1; j >= 0; j -= 41) {
                assertEquals(Integer.signum(CollatedText.ORDER.compare(rows.get(i).name(), rows.get(j).name())),
                        Integer.signum(order.compare(keys.get(i), keys.get(j))), rows.get(i) + " against " + rows.get(j));
            }
        }
        assertEquals(0, order.compare(order.keyOf(rows.get(5)), keys.get(5)), "a text keyed again after its key was forgotten");
    }

    /** ColumnOrder's order against the TableView's own comparator for the same sort order, over random rows. */
    private void assertSameOrder(List<TableColumn<Row, ?>> sortOrder) {
        table.getSortOrder().setAll(sortOrder);
        Comparator<Row> tables = table.getComparator();
        assertNotNull(tables, "the table made its comparator");
        ColumnOrder<Row> order = ColumnOrder.of(table.getSortOrder());
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(new Row(pick(random), pick(random), random.nextInt(4)));
        }
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < rows.size(); j += 7) {
                Row one = rows.get(i);
                Row other = rows.get(j);
                assertEquals(Integer.signum(tables.compare(one, other)), Integer.signum(order.compare(order.keyOf(one), order.keyOf(other))),
                        one + " against " + other + ", sorted by " + sortOrder.stream().map(TableColumn::getText).toList());
            }
        }
    }

    private static String pick(Random random) {
        return TEXTS.get(random.nextInt(TEXTS.size()));
    }

    private <V> TableColumn<Row, V> column(String title, Function<Row, V> value) {
        TableColumn<Row, V> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        table.getColumns().add(column);
        return column;
    }
}
