package dev.keywarden.ui.keys;

import dev.keywarden.core.Generation;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.projects.ProjectsModel;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.KeyStore;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The keys of the selected project: a view of the {@link KeyStore} filtered to that project. Selecting a
 * project shows what the store has at once and fetches its keys again.
 */
public final class KeysModel {
    private final ProjectsModel projects;
    private final FilteredList<KeyRow> rows;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final Generation selection = new Generation();

    public KeysModel(ProjectsModel projects, KeyStore store) {
        this.projects = projects;
        this.rows = new FilteredList<>(store.rows(), row -> false);
        projects.selectedProperty().addListener((obs, before, row) -> select(row));
    }

    private void select(ProjectRow row) {
        Generation.Token token = selection.next();
        String projectId = row == null ? null : row.id();
        rows.setPredicate(key -> projectId != null && projectId.equals(key.projectId()));
        loading.set(false);
        if (row != null) {
            load(row, token);
        }
    }

    private void load(ProjectRow row, Generation.Token token) {
        loading.set(true);
        projects.loadKeysOf(row).whenComplete((done, error) -> token.ifCurrent(() -> loading.set(false)));
    }

    /** Fetches the selected project's keys again, e.g. so that "last used" keeps up while the window is open. */
    public void reload() {
        ProjectRow row = projects.selected();
        if (row != null && !loading.get()) {
            load(row, selection.current());
        }
    }

    /** The selected project's keys; read-only. */
    public ObservableList<KeyRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
