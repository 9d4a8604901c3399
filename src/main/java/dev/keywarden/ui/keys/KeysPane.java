package dev.keywarden.ui.keys;

import dev.keywarden.model.Names;
import dev.keywarden.ui.projects.ProjectRow;

import dev.keywarden.ui.common.Controls;
import dev.keywarden.ui.common.Icons;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.connection.KeyLifecycleSupport;
import dev.keywarden.ui.projects.ProjectsModel;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.common.SortedRows;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;


/** The keys of the selected project: table, toolbar and context menu. */
public final class KeysPane extends VBox {
    private final KeysModel model;
    private final ProjectsModel projects;
    private final ConnectionSession session;
    private final KeyActions actions;
    private final TableView<KeyRow> table = new TableView<>();
    private final Label title = new Label();

    public KeysPane(KeysModel model, ProjectsModel projects, ConnectionSession session, KeyActions actions) {
        this.model = model;
        this.projects = projects;
        this.session = session;
        this.actions = actions;
        getStyleClass().add("keys-pane");
        setId("keysPane");
        createView();
        initListeners();
    }

    private void createView() {
        title.getStyleClass().add("pane-title");
        title.setId("keysTitle");
        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("small-progress");
        loading.visibleProperty().bind(model.loadingProperty());

        Button newKey = Controls.button("New key", "Create a key in this project (Ctrl+K)", "newKey", Icons.ADD);
        newKey.setOnAction(event -> actions.newKey());
        newKey.disableProperty().bind(projects.selectedProperty().isNull());
        Button revoke = Controls.button("Revoke\u2026", "Revoke the selected key permanently (Delete)", "revokeKey", Icons.REVOKE);
        revoke.setOnAction(event -> actions.revokeKey(selected()));
        revoke.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button copy = Controls.button("Copy masked", "Copy the selected key's masked value (Ctrl+C)", "copyMasked", Icons.COPY);
        copy.setOnAction(event -> actions.copyMasked(selected()));
        copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());

        Button rotate = Controls.button("Rotate\u2026", "Give the selected key a new value, the old one working for a grace period "
                + "(Ctrl+Shift+R)", "rotateKey");
        rotate.setOnAction(event -> actions.rotate(selected()));
        rotate.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        rotate.visibleProperty().bind(session.keyLifecycle().offered());
        rotate.managedProperty().bind(session.keyLifecycle().offered());

        Button checkKey = Controls.button("Check a key\u2026", "Check whether the server still accepts a key (Ctrl+Shift+K)",
                "openCheckKey", Icons.CHECK);
        checkKey.setOnAction(event -> actions.checkKey());
        checkKey.disableProperty().bind(session.apiProperty().isNull());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, loading, spacer, newKey, copy, rotate, revoke, checkKey);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(6, 8, 6, 8));
        toolbar.getStyleClass().add("pane-toolbar");

        table.setId("keysTable");
        KeyTable.configure(table, projects.clock(), actions, KeyTable::plainName, session.keyLifecycle().offered());
        table.setContextMenu(KeyTable.contextMenu(table, actions, "New key\u2026", actions::newKey, () -> projects.selected() != null));
        Label placeholder = new Label();
        placeholder.setId("keysPlaceholder");
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> projects.selected() == null
                        ? "Select a project to see its keys."
                        : model.loadingProperty().get() ? "Loading\u2026"
                        : model.rows().isEmpty() ? "No keys in this project."
                        : "No key of this project matches the filter.",
                projects.selectedProperty(), model.loadingProperty(), model.rows()));
        table.setPlaceholder(placeholder);

        FilteredList<KeyRow> filtered = new FilteredList<>(model.rows());
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> row -> showsKey(row),
                projects.filter().textProperty(), projects.selectedProperty()));
        SortedRows.install(table, filtered);

        Label noLifecycle = new Label();
        noLifecycle.setId("keysLifecycleAbsent");
        noLifecycle.setPadding(new Insets(2, 8, 4, 8));
        LifecycleColumns.absentLine(noLifecycle, session.keyLifecycle().absent(), KeyLifecycleSupport.ABSENT);

        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(toolbar, table, noLifecycle);
    }

    /** A project shown for its own name shows all its keys; one shown for a key shows the matching keys. */
    private boolean showsKey(KeyRow row) {
        ProjectRow project = projects.selected();
        return project == null || projects.filter().matchesProjectItself(project) || projects.filter().matches(row.key());
    }

    private void initListeners() {
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            ProjectRow project = projects.selected();
            return project == null ? "Keys" : "Keys of " + Names.visible(project.project().name());
        }, projects.selectedProperty()));
    }

    public KeyRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    public TableView<KeyRow> table() {
        return table;
    }
}
