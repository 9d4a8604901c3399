package dev.keywarden.ui.allkeys;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.Project;
import dev.keywarden.ui.projects.LoadProgress;
import dev.keywarden.ui.projects.ProjectsModel;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.KeyStore;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * Every key of the organisation, organisation keys and project keys alike: the whole {@link KeyStore},
 * which the one load of the organisation fills (rows appear as each project answers). How far that load
 * got, the projects whose keys failed (with a retry), and Cancel come from {@link ProjectsModel}.
 */
public final class AllKeysModel {
    public static final String LOAD_TAG = ProjectsModel.LOAD_TAG;
    public static final String RETRY_TAG = ProjectsModel.RETRY_TAG;

    private final ProjectsModel projects;
    private final KeyStore store;
    private final LoadProgress progress;

    public AllKeysModel(ProjectsModel projects) {
        this.projects = projects;
        this.store = projects.store();
        this.progress = projects.progress();
    }

    /** Loads the organisation again (every key with it); rows already shown stay until their project answers. */
    public void load() {
        projects.refresh();
    }

    /** Loads only if nothing was loaded for this connection yet. */
    public void loadIfNeeded() {
        if (!progress.loadedProperty().get() && !projects.loadingProperty().get()) {
            load();
        }
    }

    /** Stops the load: rows already shown stay, and the progress says how far it got. */
    public void cancel() {
        if (projects.loadingProperty().get()) {
            projects.cancelLoads();
        }
    }

    /** Loads again the keys of the projects that failed. */
    public void retryFailed() {
        projects.retryFailed();
    }

    /** Every key shown, as last answered: what the leak finder and bulk plans match against. */
    public List<KeyEntry> entries() {
        return store.entries();
    }

    /** Every key; read-only. */
    public ObservableList<KeyRow> rows() {
        return store.rows();
    }

    /** Projects whose keys could not be loaded, until a retry loads them. */
    public ObservableList<Project> failedProjects() {
        return progress.failedProjects();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return projects.loadingProperty();
    }

    /** Whether a whole load finished for this connection (some projects may have failed). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return progress.loadedProperty();
    }

    /** Projects that answered so far in the running load. */
    public ReadOnlyIntegerProperty doneProperty() {
        return progress.doneProperty();
    }

    /** Projects to load in the running load. */
    public ReadOnlyIntegerProperty totalProperty() {
        return progress.totalProperty();
    }

    /** Why the last load failed or stopped, in plain words; else null. */
    public ReadOnlyStringProperty problemProperty() {
        return progress.problemProperty();
    }
}
