package dev.keywarden.ui.keys;

import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.common.CollatedText;
import dev.keywarden.ui.common.Columns;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.store.KeyRow;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A table of keys as both keys views show them: name, masked value, the Active / Deactivated switch, expiry and
 * rotation (v2), created, last used; deactivated rows tinted; Space toggles, Delete revokes, Ctrl+C copies the
 * masked value, Ctrl+Shift+R rotates.
 */
public final class KeyTable {
    /** Every keys table carries it, so deactivated and busy rows look the same in all of them. */
    public static final String STYLE_CLASS = "key-table";
    static final KeyCodeCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    /** Rotate… (Ctrl+R is the window's refresh). */
    public static final KeyCodeCombination ROTATE = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final PseudoClass DEACTIVATED = PseudoClass.getPseudoClass("deactivated");
    private static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");

    /** What the table's keys and switch ask for. */
    public interface Handlers {
        void setValid(KeyRow row, boolean valid);

        void toggle(KeyRow row);

        void revokeKey(KeyRow row);

        void copyMasked(KeyRow row);

        /** Opens Rotate… for the key (v2); nothing when the server does not offer it. */
        default void rotate(KeyRow row) {
        }

        /** Whether Rotate… is offered (the server has v2). */
        default boolean mayRotate() {
            return false;
        }
    }

    private KeyTable() {
    }

    /**
     * @param nameOf         the name column's text for a row (e.g. with a "this connection" mark)
     * @param lifecycleShown while true, the Expires and Rotation columns show (the server offers v2)
     */
    public static void configure(TableView<KeyRow> table, Clock clock, Handlers handlers, Function<KeyRow, String> nameOf,
                                 ObservableBooleanValue lifecycleShown) {
        tintRows(table);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        List<TableColumn<KeyRow, ?>> columns = new ArrayList<>(List.of(nameColumn(nameOf), valueColumn(),
                statusColumn(handlers::setValid)));
        columns.addAll(LifecycleColumns.of(clock, lifecycleShown));
        columns.addAll(List.of(createdColumn(), lastUsedColumn(clock)));
        table.getColumns().setAll(columns);
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            KeyRow row = table.getSelectionModel().getSelectedItem();
            if (row == null) {
                return;
            }
            Consumer<KeyRow> action = event.getCode() == KeyCode.SPACE ? handlers::toggle
                    : event.getCode() == KeyCode.DELETE ? handlers::revokeKey
                    : COPY.match(event) ? handlers::copyMasked
                    : ROTATE.match(event) ? handlers::rotate : null;
            if (action != null) {
                action.accept(row);
                event.consume();
            }
        });
    }

    /** Deactivated and busy rows look the same in every table of keys (this one's, All keys). */
    public static void tintRows(TableView<KeyRow> table) {
        table.getStyleClass().add(STYLE_CLASS);
        table.setRowFactory(view -> tintedRow());
    }

    /** The menu both keys tables share: toggle, copy, then create and revoke. */
    public static ContextMenu contextMenu(TableView<KeyRow> table, Handlers handlers, String newKeyText, Runnable newKey,
                                   BooleanSupplier canCreate) {
        Supplier<KeyRow> selected = () -> table.getSelectionModel().getSelectedItem();
        MenuItem toggle = new MenuItem(toggleText(null));
        toggle.setAccelerator(new KeyCodeCombination(KeyCode.SPACE));
        toggle.setOnAction(event -> handlers.toggle(selected.get()));
        MenuItem copy = new MenuItem("Copy masked value");
        copy.setAccelerator(COPY);
        copy.setOnAction(event -> handlers.copyMasked(selected.get()));
        MenuItem create = new MenuItem(newKeyText);
        create.setOnAction(event -> newKey.run());
        MenuItem revoke = new MenuItem("Revoke\u2026");
        revoke.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        revoke.setOnAction(event -> handlers.revokeKey(selected.get()));
        MenuItem rotate = new MenuItem("Rotate\u2026");
        rotate.setId("rotateKeyItem");
        rotate.setAccelerator(ROTATE);
        rotate.setOnAction(event -> handlers.rotate(selected.get()));
        ContextMenu menu = new ContextMenu(toggle, copy, new SeparatorMenuItem(), create, rotate, revoke);
        menu.setOnShowing(event -> {
            boolean none = selected.get() == null;
            toggle.setText(toggleText(selected.get()));
            toggle.setDisable(none);
            copy.setDisable(none);
            revoke.setDisable(none);
            rotate.setVisible(handlers.mayRotate());
            rotate.setDisable(none);
            create.setDisable(!canCreate.getAsBoolean());
        });
        return menu;
    }

    /** What the switch would do to the row: the menu says which, never "Activate / deactivate". */
    static String toggleText(KeyRow row) {
        return row == null || row.key().valid() ? "Deactivate" : "Activate";
    }

    public static String plainName(KeyRow row) {
        return KeyNames.name(row.key());
    }

    private static TableRow<KeyRow> tintedRow() {
        return new TableRow<>() {
            private final InvalidationListener restyle = observable -> restyle();
            private KeyRow watched;

            @Override
            protected void updateItem(KeyRow item, boolean empty) {
                super.updateItem(item, empty);
                if (watched != null) {
                    watched.keyProperty().removeListener(restyle);
                    watched.stateProperty().removeListener(restyle);
                }
                watched = empty ? null : item;
                if (watched != null) {
                    watched.keyProperty().addListener(restyle);
                    watched.stateProperty().addListener(restyle);
                }
                restyle();
            }

            private void restyle() {
                pseudoClassStateChanged(DEACTIVATED, watched != null && !watched.key().valid());
                pseudoClassStateChanged(BUSY, watched != null && !watched.isIdle());
            }
        };
    }

    private static TableColumn<KeyRow, String> nameColumn(Function<KeyRow, String> nameOf) {
        TableColumn<KeyRow, String> column = new TableColumn<>("Name");
        column.setId("name");
        column.setPrefWidth(200);
        column.setMinWidth(60);
        column.setCellValueFactory(cell -> cell.getValue().keyProperty().map(key -> nameOf.apply(cell.getValue())));
        column.setComparator(CollatedText.ORDER);
        return column;
    }

    private static TableColumn<KeyRow, String> valueColumn() {
        TableColumn<KeyRow, String> column = new TableColumn<>("Value");
        column.setId("value");
        column.setPrefWidth(190);
        column.setMinWidth(Columns.VALUE_MIN_WIDTH);
        column.setCellFactory(col -> Columns.maskedValueCell());
        column.getStyleClass().add("monospace");
        column.setCellValueFactory(cell -> cell.getValue().keyProperty().map(ApiKey::value));
        column.setComparator(CollatedText.ORDER);
        return column;
    }

    private static TableColumn<KeyRow, KeyRow> statusColumn(BiConsumer<KeyRow, Boolean> onToggle) {
        TableColumn<KeyRow, KeyRow> column = new TableColumn<>("Status");
        column.setId("status");
        column.setPrefWidth(Columns.STATUS_MIN_WIDTH);
        column.setMinWidth(Columns.STATUS_MIN_WIDTH);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(col -> new KeyStatusCell<>(onToggle, true));
        column.setComparator(Comparator.comparing((KeyRow row) -> row.key().valid()));
        return column;
    }

    private static TableColumn<KeyRow, Instant> createdColumn() {
        TableColumn<KeyRow, Instant> column = Columns.column("Created", "created");
        column.setPrefWidth(140);
        column.setMinWidth(Columns.DATE_MIN_WIDTH);
        column.setCellValueFactory(cell -> cell.getValue().keyProperty().map(ApiKey::createdAt));
        column.setCellFactory(col -> Columns.dateCell());
        return column;
    }

    private static TableColumn<KeyRow, Instant> lastUsedColumn(Clock clock) {
        TableColumn<KeyRow, Instant> column = Columns.column("Last used", "lastUsed");
        column.setPrefWidth(110);
        column.setMinWidth(Columns.RELATIVE_MIN_WIDTH);
        column.setCellValueFactory(cell -> cell.getValue().keyProperty().map(ApiKey::lastUsed));
        column.setCellFactory(col -> Columns.relativeTimeCell(clock));
        return column;
    }
}
