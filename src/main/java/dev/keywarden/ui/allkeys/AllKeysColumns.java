package dev.keywarden.ui.allkeys;

import dev.keywarden.core.keys.StaleClass;
import dev.keywarden.model.ApiKey;
import dev.keywarden.core.keys.Staleness;
import dev.keywarden.ui.common.CollatedText;
import dev.keywarden.ui.common.Columns;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.keys.KeyStatusCell;
import dev.keywarden.ui.keys.KeyTable;
import dev.keywarden.ui.keys.LifecycleColumns;
import dev.keywarden.ui.store.KeyRow;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.function.BiConsumer;

/** The all-keys table's columns: project, kind, name, masked value, status switch, expires and rotation (v2), created,
 * last used, staleness. */
final class AllKeysColumns {
    private AllKeysColumns() {
    }

    /** @param lifecycleShown while true, the Expires and Rotation columns show (the server offers v2) */
    static void configure(TableView<KeyRow> table, Clock clock, Staleness staleness, BiConsumer<KeyRow, Boolean> onToggle,
                          ObservableBooleanValue lifecycleShown) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        KeyTable.tintRows(table);
        List<TableColumn<KeyRow, ?>> columns = new ArrayList<>(List.of(project(),
                text("Kind", "kind", 90, row -> row.kind().label()),
                bound("Name", "name", 170, row -> KeyNames.name(row.key())),
                value(), status(onToggle)));
        columns.addAll(LifecycleColumns.of(clock, lifecycleShown));
        columns.addAll(List.of(created(), lastUsed(clock), stale(staleness)));
        table.getColumns().setAll(columns);
    }

    private static TableColumn<KeyRow, String> text(String title, String id, double width,
                                                       java.util.function.Function<KeyRow, String> value) {
        TableColumn<KeyRow, String> column = textColumn(title, id, width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    /** The project's name as it is now: a rename changes it in the cells that show it. */
    private static TableColumn<KeyRow, String> project() {
        TableColumn<KeyRow, String> column = textColumn("Project", "project", 150);
        column.setCellValueFactory(cell -> cell.getValue().ownerLabelProperty());
        return column;
    }

    private static TableColumn<KeyRow, String> bound(String title, String id, double width,
                                                        java.util.function.Function<KeyRow, String> value) {
        TableColumn<KeyRow, String> column = textColumn(title, id, width);
        // map: a value that listens to the key only while a cell shows it; a sort reads it when the row comes or changes.
        column.setCellValueFactory(cell -> cell.getValue().keyProperty().map(key -> value.apply(cell.getValue())));
        return column;
    }

    /** A text column sorted in the locale's order, its values still to give. */
    private static TableColumn<KeyRow, String> textColumn(String title, String id, double width) {
        TableColumn<KeyRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 90));
        column.setComparator(CollatedText.ORDER);
        return column;
    }

    private static TableColumn<KeyRow, String> value() {
        TableColumn<KeyRow, String> column = bound("Value", "value", 180, row -> row.key().value());
        column.setMinWidth(Columns.VALUE_MIN_WIDTH);
        column.setCellFactory(col -> Columns.maskedValueCell());
        column.getStyleClass().add("monospace");
        return column;
    }

    private static TableColumn<KeyRow, KeyRow> status(BiConsumer<KeyRow, Boolean> onToggle) {
        TableColumn<KeyRow, KeyRow> column = new TableColumn<>("Status");
        column.setId("status");
        column.setPrefWidth(Columns.STATUS_MIN_WIDTH);
        column.setMinWidth(Columns.STATUS_MIN_WIDTH);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(col -> new KeyStatusCell<>(onToggle, false));
        column.setComparator(Comparator.comparing((KeyRow row) -> row.key().valid()));
        return column;
    }

    private static TableColumn<KeyRow, Instant> created() {
        TableColumn<KeyRow, Instant> column = Columns.column("Created", "created");
        column.setPrefWidth(130);
        column.setMinWidth(Columns.DATE_MIN_WIDTH);
        column.setCellValueFactory(cell -> cell.getValue().keyProperty().map(ApiKey::createdAt));
        column.setCellFactory(col -> Columns.dateCell());
        return column;
    }

    private static TableColumn<KeyRow, Instant> lastUsed(Clock clock) {
        TableColumn<KeyRow, Instant> column = Columns.column("Last used", "lastUsed");
        column.setPrefWidth(100);
        column.setMinWidth(Columns.RELATIVE_MIN_WIDTH);
        column.setCellValueFactory(cell -> cell.getValue().keyProperty().map(ApiKey::lastUsed));
        column.setCellFactory(col -> Columns.relativeTimeCell(clock));
        return column;
    }

    /** Sorts most stale first: never used, then the oldest last use. */
    private static TableColumn<KeyRow, StaleClass> stale(Staleness staleness) {
        TableColumn<KeyRow, StaleClass> column = new TableColumn<>("Staleness");
        column.setId("staleness");
        column.setPrefWidth(190);
        column.setCellValueFactory(cell -> cell.getValue().keyProperty().map(staleness::classify));
        column.setComparator(Comparator.comparingInt(AllKeysColumns::rank).thenComparing(StaleClass::days, Comparator.reverseOrder()));
        return column;
    }

    private static int rank(StaleClass staleClass) {
        return staleClass.level().ordinal();
    }
}
