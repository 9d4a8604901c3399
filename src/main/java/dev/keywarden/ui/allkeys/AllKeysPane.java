package dev.keywarden.ui.allkeys;

import dev.keywarden.common.DaemonThreads;
import dev.keywarden.core.Delay;
import dev.keywarden.core.csv.KeysCsv;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.Project;
import dev.keywarden.ui.bulk.BulkActions;
import dev.keywarden.ui.common.Controls;
import dev.keywarden.ui.common.Icons;
import dev.keywarden.ui.common.CsvExport;
import dev.keywarden.ui.common.FxDelay;
import dev.keywarden.ui.common.SortedRows;
import dev.keywarden.ui.connection.KeyLifecycleSupport;
import dev.keywarden.ui.keys.KeyActions;
import dev.keywarden.ui.keys.KeyTable;
import dev.keywarden.ui.keys.LifecycleColumns;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.watch.WatchModel;
import dev.keywarden.ui.watch.WatchPane;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every key of the organisation in one table: a project column ("Organisation" for organisation keys),
 * the status switch, last use and staleness; loading progress with Cancel, projects that failed with
 * Retry, text, status, staleness and lifecycle (v2) filters with counts, Rotate… for the selection, and an export
 * of what the filters show.
 */
public final class AllKeysPane extends VBox {
    private final AllKeysModel model;
    private final AllKeysFilter filter;
    private final KeyActions actions;
    private final CsvExport export;
    private final BulkActions bulk;
    private final TableView<KeyRow> table = new TableView<>();
    private final TextField search = new TextField();
    private final ComboBox<AllKeysFilter.Status> status = new ComboBox<>();
    private final ComboBox<AllKeysFilter.Stale> stale = new ComboBox<>();
    private final ComboBox<AllKeysFilter.Lifecycle> lifecycleFilter = new ComboBox<>();
    private final KeyLifecycleSupport lifecycle;
    private final Label count = new Label();
    private final Label progressText = new Label();
    private final Label failures = new Label();
    private final HBox failureBar;
    private ShownKeys shownKeys;

    private final WatchModel watch;
    /** Where the filters test 50,000 rows: off the FX thread, one at a time. */
    private static final Executor FILTER_THREAD = Executors.newSingleThreadExecutor(new DaemonThreads("keywarden-filter"));
    private static final Delay FILTER_DELAY = new FxDelay();

    public AllKeysPane(AllKeysModel model, AllKeysFilter filter, KeyActions actions, CsvExport export, BulkActions bulk,
                       WatchModel watch, Clock clock, KeyLifecycleSupport lifecycle) {
        this.watch = watch;
        this.lifecycle = lifecycle;
        this.bulk = bulk;
        this.model = model;
        this.filter = filter;
        this.actions = actions;
        this.export = export;
        getStyleClass().addAll("keys-pane", "all-keys-pane");
        setId("allKeysPane");
        Button retry = Controls.button("Retry", "Load the keys of these projects again", "retryFailedProjects", Icons.RELOAD);
        retry.setOnAction(event -> model.retryFailed());
        failures.setWrapText(true);
        failures.setId("failedProjects");
        HBox.setHgrow(failures, Priority.ALWAYS);
        failureBar = new HBox(8, failures, retry);
        failureBar.getStyleClass().add("failed-projects");
        failureBar.setAlignment(Pos.CENTER_LEFT);
        failureBar.setPadding(new Insets(4, 8, 4, 8));
        createView(clock);
        initListeners();
    }

    private void createView(Clock clock) {
        Label title = new Label("All keys");
        title.getStyleClass().add("pane-title");
        ProgressBar progress = new ProgressBar();
        progress.setId("allKeysProgress");
        progress.setPrefWidth(120);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> model.totalProperty().get() == 0 ? -1
                : (double) model.doneProperty().get() / model.totalProperty().get(), model.doneProperty(), model.totalProperty()));
        progress.visibleProperty().bind(model.loadingProperty());
        progress.managedProperty().bind(model.loadingProperty());
        progressText.setId("allKeysProgressText");
        progressText.getStyleClass().add("muted");
        Button cancel = Controls.button("Cancel", "Stop loading (the keys shown stay)", "cancelAllKeys", Icons.CANCEL);
        cancel.setOnAction(event -> model.cancel());
        cancel.visibleProperty().bind(model.loadingProperty());
        cancel.managedProperty().bind(model.loadingProperty());
        Button reload = Controls.button("Reload", "Load every key of the organisation again", "reloadAllKeys", Icons.RELOAD);
        reload.setOnAction(event -> model.load());
        reload.disableProperty().bind(model.loadingProperty());
        Button exportButton = Controls.button("Export CSV\u2026", "Save the keys the filters show as CSV (masked values only)",
                "exportAllKeys", Icons.EXPORT);
        exportButton.setOnAction(event -> exportShown());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, progress, progressText, cancel, spacer, reload, exportButton);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(6, 8, 2, 8));
        toolbar.getStyleClass().add("pane-toolbar");

        search.setId("allKeysFilter");
        search.setPromptText("Filter by project, name, id or last 6 characters");
        search.textProperty().bindBidirectional(filter.textProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        status.setId("statusFilter");
        status.getItems().setAll(AllKeysFilter.Status.values());
        status.valueProperty().bindBidirectional(filter.statusProperty());
        stale.setId("staleFilter");
        stale.getItems().setAll(filter.staleChoices());
        stale.valueProperty().bindBidirectional(filter.staleProperty());
        lifecycleFilter.setId("lifecycleFilter");
        lifecycleFilter.getItems().setAll(AllKeysFilter.Lifecycle.values());
        lifecycleFilter.valueProperty().bindBidirectional(filter.lifecycleProperty());
        lifecycleFilter.visibleProperty().bind(lifecycle.offered());
        lifecycleFilter.managedProperty().bind(lifecycle.offered());
        count.setId("allKeysCount");
        count.getStyleClass().add("muted");
        Button deactivate = bulkButton("Deactivate\u2026", "Plan the deactivation of the selected keys", "bulkDeactivate",
                KeyAction.DEACTIVATE);
        Button reactivate = bulkButton("Reactivate\u2026", "Plan the reactivation of the selected keys", "bulkReactivate",
                KeyAction.ACTIVATE);
        Button revoke = bulkButton("Revoke\u2026", "Plan the revocation of the selected keys (Delete)", "bulkRevoke",
                KeyAction.REVOKE);
        Button rotate = Controls.button("Rotate\u2026", "Rotate the selected keys, one dialog each (Ctrl+Shift+R)", "bulkRotate");
        rotate.setOnAction(event -> actions.rotateAll(selectedRows()));
        rotate.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        rotate.visibleProperty().bind(lifecycle.offered());
        rotate.managedProperty().bind(lifecycle.offered());
        // The changes of the selected keys sit beside Reload, so the filters keep their room at 1024 px.
        toolbar.getChildren().addAll(toolbar.getChildren().indexOf(reload), List.of(deactivate, reactivate, rotate, revoke));
        search.setMinWidth(200);
        HBox filters = new HBox(8, search, status, stale, lifecycleFilter, count);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(2, 8, 6, 8));

        table.setId("allKeysTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE && !table.getSelectionModel().isEmpty()) {
                planSelected(KeyAction.REVOKE);
                event.consume();
            } else if (KeyTable.ROTATE.match(event) && !table.getSelectionModel().isEmpty()) {
                actions.rotateAll(selectedRows());
                event.consume();
            }
        });
        AllKeysColumns.configure(table, clock, filter.staleness(), actions::setValid, lifecycle.offered());
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> model.loadingProperty().get() ? "Loading\u2026"
                        : model.problemProperty().get() != null ? model.problemProperty().get()
                        : model.rows().isEmpty() ? "No keys to show." : "No key matches the filters.",
                model.loadingProperty(), model.problemProperty(), model.rows()));
        table.setPlaceholder(placeholder);
        shownKeys = new ShownKeys(model.rows(), filter, FILTER_DELAY, FILTER_THREAD, Platform::runLater);
        SortedRows.install(table, shownKeys.rows());
        VBox.setVgrow(table, Priority.ALWAYS);
        WatchPane watchPane = new WatchPane(watch, clock, () -> watch.watch(selectedRows().stream().map(KeyRow::entry).toList()));
        Label noLifecycle = new Label();
        noLifecycle.setId("allKeysLifecycleAbsent");
        noLifecycle.setPadding(new Insets(0, 8, 4, 8));
        LifecycleColumns.absentLine(noLifecycle, lifecycle.absent(), KeyLifecycleSupport.ABSENT);
        getChildren().setAll(toolbar, filters, noLifecycle, failureBar, table, watchPane);
    }

    private void initListeners() {
        Observable[] filters = append(filter.observables(), model.rows());
        count.textProperty().bind(Bindings.createStringBinding(() -> filter.isActive()
                ? shownKeys.rows().size() + " of " + model.rows().size() + " keys" : model.rows().size() + " keys",
                append(filters, shownKeys.rows())));
        progressText.textProperty().bind(Bindings.createStringBinding(() -> model.loadingProperty().get()
                        ? (model.totalProperty().get() == 0 ? "Loading projects\u2026"
                        : model.doneProperty().get() + " of " + model.totalProperty().get() + " projects")
                        : model.problemProperty().get() == null ? "" : model.problemProperty().get(),
                model.loadingProperty(), model.doneProperty(), model.totalProperty(), model.problemProperty()));
        failureBar.visibleProperty().bind(Bindings.isNotEmpty(model.failedProjects()));
        failureBar.managedProperty().bind(failureBar.visibleProperty());
        failures.textProperty().bind(Bindings.createStringBinding(() -> "Could not load the keys of "
                + model.failedProjects().stream().map(Project::name).collect(Collectors.joining(", ")) + ".", model.failedProjects()));
        FilterCounts counts = shownKeys.counts();
        status.setCellFactory(list -> countingCell(AllKeysFilter.Status::label, counts));
        status.setButtonCell(countingCell(AllKeysFilter.Status::label, counts));
        stale.setCellFactory(list -> countingCell(AllKeysFilter.Stale::label, counts));
        stale.setButtonCell(countingCell(AllKeysFilter.Stale::label, counts));
        lifecycleFilter.setCellFactory(list -> countingCell(AllKeysFilter.Lifecycle::label, counts));
        lifecycleFilter.setButtonCell(countingCell(AllKeysFilter.Lifecycle::label, counts));
        // A server without v2 has nothing to filter on: the choice goes back to any.
        lifecycle.offered().addListener((obs, before, offered) -> {
            if (!offered) {
                filter.lifecycleProperty().set(AllKeysFilter.Lifecycle.ANY);
            }
        });
    }

    /** A choice with how many keys it would show; the count follows the rows and the other filters. */
    private static <T> ListCell<T> countingCell(Function<T, String> label, FilterCounts counts) {
        return new ListCell<>() {
            private final Label text = new Label();

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                text.textProperty().unbind();
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    text.textProperty().bind(Bindings.createStringBinding(() -> label.apply(item) + " ("
                            + counts.countOf(item).get() + ")", counts.countOf(item)));
                    setGraphic(text);
                }
            }
        };
    }

    private static Observable[] append(Observable[] first, Observable last) {
        Observable[] all = java.util.Arrays.copyOf(first, first.length + 1);
        all[first.length] = last;
        return all;
    }

    private Button bulkButton(String text, String tooltip, String id, KeyAction action) {
        Button button = Controls.button(text, tooltip, id, switch (action) {
            case DEACTIVATE -> Icons.DEACTIVATE;
            case ACTIVATE -> Icons.ACTIVATE;
            default -> Icons.REVOKE;
        });
        button.setOnAction(event -> planSelected(action));
        button.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        return button;
    }

    /** Opens the plan of this change for the selected rows. */
    public void planSelected(KeyAction action) {
        bulk.plan(action, selectedRows().stream().map(KeyRow::entry).toList());
    }

    /** Exports the rows the filters show, in the table's order. */
    public void exportShown() {
        List<KeyEntry> entries = table.getItems().stream().map(KeyRow::entry).toList();
        export.export("exportKeysDialog", "Export keys as CSV", "keys.csv", entries.size(), "keys", out -> KeysCsv.write(entries, out));
    }

    /** The rows selected, in the table's order. */
    public List<KeyRow> selectedRows() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    public TableView<KeyRow> table() {
        return table;
    }

    public TextField filterField() {
        return search;
    }
}
