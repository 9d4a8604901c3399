package dev.keywarden.ui.audit;

import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditOutcome;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.ui.common.Columns;
import dev.keywarden.ui.common.Controls;
import dev.keywarden.ui.common.Icons;
import dev.keywarden.ui.common.CsvExport;
import dev.keywarden.core.TimeText;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The audit trail: every change made from Keywarden, newest first, filtered by time, action and outcome;
 * exported as CSV. Above the table: how many lines could not be read, and what the hash chain shows.
 */
public final class AuditPane extends VBox {
    private final AuditModel model;
    private final Consumer<List<AuditEntry>> exportCsv;
    private static final PseudoClass BROKEN = PseudoClass.getPseudoClass("broken");
    private final TableView<AuditEntry> table = new TableView<>();

    public AuditPane(AuditModel model, Consumer<List<AuditEntry>> exportCsv) {
        this.model = model;
        this.exportCsv = exportCsv;
        setId("auditPane");
        getStyleClass().add("keys-pane");
        createView();
    }

    private void createView() {
        Label title = new Label("Audit trail");
        title.getStyleClass().add("pane-title");
        ComboBox<AuditModel.Since> since = new ComboBox<>();
        since.setId("auditSince");
        since.getItems().setAll(AuditModel.Since.values());
        since.valueProperty().bindBidirectional(model.sinceProperty());
        ComboBox<KeyAction> action = new ComboBox<>();
        action.setId("auditAction");
        action.getItems().setAll(Stream.concat(Stream.of((KeyAction) null), Arrays.stream(KeyAction.values())).toList());
        action.setConverter(converter(value -> value == null ? "Any action" : value.verb()));
        action.valueProperty().bindBidirectional(model.actionProperty());
        ComboBox<AuditOutcome> outcome = new ComboBox<>();
        outcome.setId("auditOutcome");
        outcome.getItems().setAll(Stream.concat(Stream.of((AuditOutcome) null), Arrays.stream(AuditOutcome.values())).toList());
        outcome.setConverter(converter(value -> value == null ? "Any outcome" : value.name().toLowerCase(java.util.Locale.ROOT)));
        outcome.valueProperty().bindBidirectional(model.outcomeProperty());
        Button reload = Controls.button("Reload", "Read the audit trail again", "reloadAudit", Icons.RELOAD);
        reload.setOnAction(event -> model.reload());
        Button exportButton = Controls.button("Export CSV\u2026", "Save the listed changes as CSV", "exportAudit", Icons.EXPORT);
        exportButton.setOnAction(event -> exportCsv.accept(List.copyOf(model.entries())));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, since, action, outcome, spacer, reload, exportButton);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(6, 8, 6, 8));
        Label status = new Label();
        status.setId("auditStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(0, 8, 4, 8));
        Label chain = new Label();
        chain.setId("auditChain");
        chain.setWrapText(true);
        chain.textProperty().bind(model.chainProperty());
        chain.setPadding(new Insets(0, 8, 4, 8));
        model.chainBrokenProperty().addListener((obs, before, broken) -> chain.pseudoClassStateChanged(BROKEN, broken));

        table.setId("auditTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Time", 190, entry -> TimeText.exact(entry.time(), ZoneId.systemDefault())),
                column("Profile", 100, AuditEntry::profile),
                column("Organisation", 120, AuditEntry::organizationName),
                column("Kind", 90, entry -> entry.kind().label()),
                column("Project", 140, model::projectLabel),
                column("Key", 90, entry -> entry.keyId() + " \u2026" + (entry.keySuffix() == null ? "" : entry.keySuffix())),
                column("Action", 90, entry -> entry.action().verb()),
                column("Outcome", 80, entry -> entry.outcome().name().toLowerCase(java.util.Locale.ROOT)),
                column("Detail", 200, AuditEntry::detail),
                column("Reason", 150, AuditEntry::reason)));
        table.setItems(model.entries());
        table.setPlaceholder(new Label("No change recorded yet (or none matches the filters)."));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(toolbar, status, chain, table);
    }

    private static TableColumn<AuditEntry, String> column(String title, double width, Function<AuditEntry, String> value) {
        TableColumn<AuditEntry, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        // The time is the one column that must not be cut: the others give way first.
        column.setMinWidth(title.equals("Time") ? width : title.equals("Key") ? Columns.VALUE_MIN_WIDTH : Math.min(width, 60));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        if (title.equals("Key")) {
            // The id and the last 6 characters: cut from the left, never the suffix.
            column.setCellFactory(col -> Columns.maskedValueCell());
        }
        return column;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        };
    }

    public TableView<AuditEntry> table() {
        return table;
    }
}
