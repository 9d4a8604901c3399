package dev.keywarden.ui.orgkeys;

import dev.keywarden.ui.common.Controls;
import dev.keywarden.ui.common.Icons;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.connection.KeyLifecycleSupport;
import dev.keywarden.ui.keys.KeyActions;
import dev.keywarden.ui.keys.KeyInUse;
import dev.keywarden.ui.keys.KeyTable;
import dev.keywarden.ui.keys.LifecycleColumns;
import dev.keywarden.ui.projects.ProjectFilter;
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

import java.time.Clock;

/**
 * The organisation's own API keys: the admin keys that authenticate every management call. The one
 * this connection uses is marked, and switching it off always asks first.
 */
public final class OrgKeysPane extends VBox {
    static final String IN_USE_MARK = "  \u2190 this connection";

    private final OrgKeysModel model;
    private final ConnectionSession session;
    private final KeyActions actions;
    private final ProjectFilter filter;
    private final TableView<KeyRow> table = new TableView<>();
    private final Label inUse = new Label();
    private final Label count = new Label();

    public OrgKeysPane(OrgKeysModel model, ConnectionSession session, KeyActions actions, ProjectFilter filter, Clock clock) {
        this.model = model;
        this.session = session;
        this.actions = actions;
        this.filter = filter;
        getStyleClass().add("keys-pane");
        setId("orgKeysPane");
        createView(clock);
        initListeners();
    }

    private void createView(Clock clock) {
        Label title = new Label("Organisation keys");
        title.getStyleClass().add("pane-title");
        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("small-progress");
        loading.visibleProperty().bind(model.loadingProperty());
        count.getStyleClass().add("muted");
        count.setId("orgKeyCount");

        Button newKey = Controls.button("New organisation key", "Create an organisation API key", "newOrgKey", Icons.ADD);
        newKey.setOnAction(event -> actions.newOrganizationKey());
        newKey.disableProperty().bind(session.apiProperty().isNull());
        Button copy = Controls.button("Copy masked", "Copy the selected key's masked value (Ctrl+C)", "copyOrgKeyMasked", Icons.COPY);
        copy.setOnAction(event -> actions.copyMasked(selected()));
        copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button revoke = Controls.button("Revoke\u2026", "Revoke the selected key permanently (Delete)", "revokeOrgKey", Icons.REVOKE);
        revoke.setOnAction(event -> actions.revokeKey(selected()));
        revoke.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());

        Button rotate = Controls.button("Rotate\u2026", "Give the selected key a new value, the old one working for a grace period "
                + "(Ctrl+Shift+R)", "rotateOrgKey");
        rotate.setOnAction(event -> actions.rotate(selected()));
        rotate.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        rotate.visibleProperty().bind(session.keyLifecycle().offered());
        rotate.managedProperty().bind(session.keyLifecycle().offered());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, loading, count, spacer, newKey, copy, rotate, revoke);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(6, 8, 2, 8));
        toolbar.getStyleClass().add("pane-toolbar");

        Label explain = new Label("These keys can manage every project of the organisation, this console included. "
                + "A leaked one is the worst leak: deactivate it here.");
        explain.getStyleClass().add("muted");
        explain.setWrapText(true);
        inUse.setId("keyInUse");
        inUse.setWrapText(true);
        Label noLifecycle = new Label();
        noLifecycle.setId("orgKeysLifecycleAbsent");
        LifecycleColumns.absentLine(noLifecycle, session.keyLifecycle().absent(), KeyLifecycleSupport.ABSENT);
        VBox notes = new VBox(2, explain, inUse, noLifecycle);
        notes.setPadding(new Insets(0, 8, 6, 8));

        table.setId("orgKeysTable");
        KeyTable.configure(table, clock, actions, this::nameWithMark, session.keyLifecycle().offered());
        table.setContextMenu(KeyTable.contextMenu(table, actions, "New organisation key\u2026", actions::newOrganizationKey, () -> session.api() != null));
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> model.loadingProperty().get() ? "Loading\u2026"
                        : model.loadProblemProperty().get() != null ? model.loadProblemProperty().get()
                        : "No organisation keys to show.", model.loadingProperty(), model.loadProblemProperty()));
        table.setPlaceholder(placeholder);

        FilteredList<KeyRow> filtered = new FilteredList<>(model.rows());
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> row -> filter.matches(row.key()),
                filter.textProperty()));
        SortedRows.install(table, filtered);
        count.textProperty().bind(Bindings.createStringBinding(() -> filter.isActive()
                ? filtered.size() + " of " + model.rows().size() : String.valueOf(model.rows().size()),
                filtered, model.rows(), filter.textProperty()));

        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(toolbar, notes, table);
    }

    private String nameWithMark(KeyRow row) {
        KeyInUse keyInUse = model.keyInUse();
        return KeyNames.name(row.key()) + (keyInUse.row() == row ? IN_USE_MARK : "");
    }

    private void initListeners() {
        inUse.textProperty().bind(Bindings.createStringBinding(() -> {
            KeyInUse keyInUse = model.keyInUse();
            if (keyInUse.suffix() == null) {
                return "";
            }
            if (keyInUse.isAmbiguous()) {
                return keyInUse.matches() + " keys end in \u2026" + keyInUse.suffix() + " like the key this connection uses, "
                        + "so it cannot be told which one it is: none is marked, and switching any of them off asks first.";
            }
            return keyInUse.row() == null ? "The key this connection uses (\u2026" + keyInUse.suffix() + ") is not in this list."
                    : "This connection uses " + KeyNames.label(keyInUse.row().key()) + ", marked \u201cthis connection\u201d.";
        }, model.keyInUseProperty()));
        model.keyInUseProperty().addListener((obs, before, now) -> table.refresh());
    }

    public KeyRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    public TableView<KeyRow> table() {
        return table;
    }
}
