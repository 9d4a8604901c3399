package dev.keywarden.ui.projects;

import dev.keywarden.model.Project;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * How far the load of the organisation got: projects whose keys answered of those listed, the projects
 * whose keys failed (until a retry loads them), whether a whole load finished for this connection, and
 * why the last one failed or stopped. Only {@link ProjectsModel} changes it.
 */
public final class LoadProgress {
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ObservableList<Project> failed = FXCollections.observableArrayList();
    private final ObservableList<Project> readOnlyFailed = FXCollections.unmodifiableObservableList(failed);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    void started() {
        done.set(0);
        total.set(0);
        failed.clear();
        problem.set(null);
    }

    void projects(int count) {
        total.set(count);
    }

    void answered(Project project, int doneSoFar) {
        failed.remove(project);
        done.set(doneSoFar);
    }

    void failed(Project project, int doneSoFar) {
        if (!failed.contains(project)) {
            failed.add(project);
        }
        done.set(doneSoFar);
    }

    void retried(Project project) {
        failed.remove(project);
    }

    void finished() {
        loaded.set(true);
    }

    void problem(String why) {
        problem.set(why);
    }

    void clear() {
        started();
        loaded.set(false);
    }

    /** Whether a whole load finished for this connection (some projects' keys may have failed). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Projects whose keys answered so far in the running load. */
    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Projects whose keys the running load asks for. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Projects whose keys could not be loaded, until a retry loads them. */
    public ObservableList<Project> failedProjects() {
        return readOnlyFailed;
    }

    /** Why the last load failed or stopped, in plain words; else null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
