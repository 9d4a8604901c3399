package dev.keywarden.ui.keys;

import dev.keywarden.core.Generation;
import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.projects.KeySummary;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.projects.ProjectsModel;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;

/**
 * The keys of the selected project, as the server last listed them for it. Selecting a project
 * shows what is known at once and fetches its keys; rows are updated in place, and a row with a
 * change in flight waits for that change's own answer.
 */
public final class KeysModel {
    private final ProjectsModel projects;
    private final ObservableList<KeyRow> rows = FXCollections.observableArrayList(KeyRow::observables);
    private final ObservableList<KeyRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final Generation selection = new Generation();
    private final InvalidationListener summaryChanged = observable -> showSummary();
    private ProjectRow watched;

    public KeysModel(ProjectsModel projects) {
        this.projects = projects;
        projects.selectedProperty().addListener((obs, before, row) -> watch(row));
    }

    private void watch(ProjectRow row) {
        if (watched != null) {
            watched.keysProperty().removeListener(summaryChanged);
        }
        watched = row;
        Generation.Token token = selection.next();
        if (row == null) {
            rows.clear();
            loading.set(false);
            return;
        }
        row.keysProperty().addListener(summaryChanged);
        showSummary();
        load(token);
    }

    private void load(Generation.Token token) {
        loading.set(true);
        projects.loadKeysOf(watched).whenComplete((done, error) -> token.ifCurrent(() -> loading.set(false)));
    }

    /** Fetches the selected project's keys again, e.g. so that "last used" keeps up while the window is open. */
    public void reload() {
        if (watched != null && !loading.get()) {
            load(selection.current());
        }
    }

    private void showSummary() {
        KeySummary summary = watched == null ? null : watched.keys();
        if (summary == null) {
            rows.clear();
        } else {
            show(watched.id(), summary.keys());
        }
    }

    private void show(String projectId, List<ApiKey> list) {
        KeyRows.merge(rows, projectId, list);
    }

    /** The row shown now for the same key as {@code row}, if the table still shows that project. */
    Optional<KeyRow> shownFor(KeyRow row) {
        return rows.stream().filter(shown -> shown != row && shown.sameKey(row)).findFirst();
    }

    void removed(KeyRow row) {
        rows.removeIf(shown -> shown.sameKey(row));
    }

    public ObservableList<KeyRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
