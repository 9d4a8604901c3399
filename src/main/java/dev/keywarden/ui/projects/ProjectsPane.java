package dev.keywarden.ui.projects;

import dev.keywarden.model.Names;
import dev.keywarden.ui.common.Columns;

import dev.keywarden.model.Project;
import dev.keywarden.ui.common.Controls;
import dev.keywarden.ui.common.ExactSelection;
import dev.keywarden.ui.common.Icons;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.store.KeySummary;
import dev.keywarden.ui.common.SortedRows;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

import java.time.Instant;
import java.util.List;
import java.util.Comparator;

/** The organisation's projects: filter box, table, toolbar and context menu. */
public final class ProjectsPane extends VBox {
    private final ProjectsModel model;
    private final ConnectionSession session;
    private final ProjectActions actions;
    private final Runnable newKey;
    private final TableView<ProjectRow> table = new TableView<>();
    private final TextField filterField = TextFields.createClearableTextField();
    private final Label count = new Label();
    private ExactSelection<ProjectRow> selection;

    /** @param newKey opens the new-key dialog for the selected project (the keys pane's action) */
    public ProjectsPane(ProjectsModel model, ConnectionSession session, ProjectActions actions, Runnable newKey) {
        this.model = model;
        this.session = session;
        this.actions = actions;
        this.newKey = newKey;
        getStyleClass().add("projects-pane");
        setId("projectsPane");
        createView();
        initListeners();
    }

    private void createView() {
        Label title = new Label("Projects");
        title.getStyleClass().add("pane-title");
        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("small-progress");
        loading.visibleProperty().bind(model.loadingProperty());

        filterField.setId("filter");
        filterField.setPromptText("Filter projects, key names, or paste a key (Ctrl+F)");
        filterField.textProperty().bindBidirectional(model.filter().textProperty());
        HBox.setHgrow(filterField, Priority.ALWAYS);
        count.getStyleClass().add("muted");
        count.setId("projectCount");

        Button newProject = Controls.button("New project", "Create a project (Ctrl+N)", "newProject", Icons.ADD);
        newProject.setOnAction(event -> actions.newProject());
        newProject.disableProperty().bind(session.apiProperty().isNull());
        Button edit = Controls.button("Edit\u2026", "Edit the selected project (F2)", "editProject", Icons.EDIT);
        edit.setOnAction(event -> actions.editProject(selected()));
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button delete = Controls.button("Delete\u2026", "Delete the selected project and its keys (Delete)", "deleteProject", Icons.DELETE);
        delete.setOnAction(event -> actions.deleteProject(selected()));
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());

        HBox heading = new HBox(8, title, loading, count);
        heading.setAlignment(Pos.CENTER_LEFT);
        HBox toolbar = new HBox(8, filterField, newProject, edit, delete);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, heading, toolbar);
        top.setPadding(new Insets(6, 8, 6, 8));
        top.getStyleClass().add("pane-toolbar");

        table.setId("projectsTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(nameColumn(), descriptionColumn(), createdColumn(), keysColumn(), lastUseColumn()));
        table.setContextMenu(contextMenu());
        Label placeholder = new Label();
        placeholder.setId("projectsPlaceholder");
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.loadingProperty().get() || session.stateProperty().get() == ConnectionSession.State.CONNECTING) {
                return "Loading\u2026";
            }
            if (!model.rows().isEmpty() && model.filter().isActive()) {
                return "No project, key name or key matches the filter.";
            }
            return session.stateProperty().get() == ConnectionSession.State.FAILED ? "Nothing to show: the connection failed (see above)."
                    : "No projects.";
        }, model.loadingProperty(), session.stateProperty(), model.rows(), model.filter().textProperty()));
        table.setPlaceholder(placeholder);

        FilteredList<ProjectRow> filtered = new FilteredList<>(model.rows());
        filtered.predicateProperty().bind(model.filter().projectPredicate());
        selection = SortedRows.install(table, filtered);
        count.textProperty().bind(Bindings.createStringBinding(() -> model.filter().isActive()
                        ? filtered.size() + " of " + model.rows().size()
                        : String.valueOf(model.rows().size()),
                filtered, model.rows(), model.filter().textProperty()));

        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(top, table);
    }

    private void initListeners() {
        // Not while the rows change: JavaFX's selection model then selects a row nobody chose, which the selection
        // puts right at the change's end (ExactSelection); the rule below then picks the project to show.
        table.getSelectionModel().selectedItemProperty().addListener((obs, before, row) -> {
            if (row != null && !selection.rowsChanging()) {
                model.select(row);
            }
        });
        model.selectedProperty().addListener((obs, before, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        });
        // Keep a project selected so its keys show at once: on first load, and while filtering (a pasted key).
        table.getItems().addListener((javafx.collections.ListChangeListener<ProjectRow>) change -> {
            ProjectRow selected = model.selected();
            if (table.getItems().isEmpty()) {
                if (selected != null && model.filter().isActive()) {
                    // Nothing matches: show no project's keys rather than those of one the filter hides.
                    model.select(null);
                }
            } else if (selected == null || !table.getItems().contains(selected)) {
                table.getSelectionModel().select(0);
            } else if (table.getSelectionModel().getSelectedItem() != selected) {
                // The list was rebuilt under the selection (e.g. the filter was cleared): highlight the shown project again.
                table.getSelectionModel().select(selected);
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            ProjectRow row = selected();
            if (row == null) {
                return;
            }
            if (event.getCode() == KeyCode.DELETE) {
                actions.deleteProject(row);
                event.consume();
            } else if (event.getCode() == KeyCode.F2) {
                actions.editProject(row);
                event.consume();
            }
        });
    }

    private ContextMenu contextMenu() {
        MenuItem newProject = new MenuItem("New project\u2026");
        newProject.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        newProject.setOnAction(event -> actions.newProject());
        MenuItem edit = new MenuItem("Edit\u2026");
        edit.setAccelerator(new KeyCodeCombination(KeyCode.F2));
        edit.setOnAction(event -> actions.editProject(selected()));
        MenuItem newKey = new MenuItem("New key\u2026");
        newKey.setOnAction(event -> this.newKey.run());
        MenuItem copyId = new MenuItem("Copy project id");
        copyId.setOnAction(event -> actions.copyId(selected()));
        MenuItem delete = new MenuItem("Delete\u2026");
        delete.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        delete.setOnAction(event -> actions.deleteProject(selected()));
        ContextMenu menu = new ContextMenu(newProject, edit, newKey, copyId, new SeparatorMenuItem(), delete);
        menu.setOnShowing(event -> {
            boolean none = selected() == null;
            edit.setDisable(none);
            newKey.setDisable(none);
            copyId.setDisable(none);
            delete.setDisable(none);
        });
        return menu;
    }

    private TableColumn<ProjectRow, String> nameColumn() {
        TableColumn<ProjectRow, String> column = new TableColumn<>("Name");
        column.setId("name");
        column.setPrefWidth(180);
        column.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> Names.visible(cell.getValue().project().name()), cell.getValue().projectProperty()));
        column.setComparator(String.CASE_INSENSITIVE_ORDER);
        return column;
    }

    private TableColumn<ProjectRow, String> descriptionColumn() {
        TableColumn<ProjectRow, String> column = new TableColumn<>("Description");
        column.setId("description");
        column.setPrefWidth(220);
        column.setCellValueFactory(cell -> Bindings.createStringBinding(() -> {
            Project project = cell.getValue().project();
            return project.description() == null ? "" : Names.visible(project.description());
        }, cell.getValue().projectProperty()));
        return column;
    }

    private TableColumn<ProjectRow, Instant> createdColumn() {
        TableColumn<ProjectRow, Instant> column = Columns.column("Created", "created");
        column.setPrefWidth(130);
        column.setCellValueFactory(cell -> Bindings.createObjectBinding(
                () -> cell.getValue().project().createdAt(), cell.getValue().projectProperty()));
        column.setCellFactory(col -> Columns.dateCell());
        return column;
    }

    private TableColumn<ProjectRow, KeySummary> keysColumn() {
        TableColumn<ProjectRow, KeySummary> column = new TableColumn<>("Keys (active / total)");
        column.setId("keys");
        column.setPrefWidth(130);
        column.setCellValueFactory(cell -> cell.getValue().keysProperty());
        column.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(KeySummary keys, boolean empty) {
                super.updateItem(keys, empty);
                setText(empty ? null : keys == null ? "\u2026" : keys.countsText());
            }
        });
        column.setComparator(Comparator.nullsFirst(
                Comparator.comparingInt(KeySummary::active).thenComparingInt(KeySummary::total)));
        return column;
    }

    private TableColumn<ProjectRow, KeySummary> lastUseColumn() {
        TableColumn<ProjectRow, KeySummary> column = new TableColumn<>("Last key use");
        column.setId("lastUse");
        column.setPrefWidth(110);
        column.setCellValueFactory(cell -> cell.getValue().keysProperty());
        column.setCellFactory(col -> Columns.relativeTimeCell(model.clock(), KeySummary::lastUsed, "\u2026"));
        column.setComparator(Comparator.nullsFirst(Comparator.comparing(KeySummary::lastUsed, Columns.OLDEST_FIRST)));
        return column;
    }

    public ProjectRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    public TableView<ProjectRow> table() {
        return table;
    }

    public TextField filterField() {
        return filterField;
    }
}
