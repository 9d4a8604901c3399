package dev.keywarden.ui.projects;

import dev.keywarden.model.Project;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of the projects table: the project as the server last sent it, and its keys once loaded.
 * Only {@link ProjectsModel} changes it.
 */
public final class ProjectRow {
    private final String id;
    private final ReadOnlyObjectWrapper<Project> project;
    private final ReadOnlyObjectWrapper<KeySummary> keys = new ReadOnlyObjectWrapper<>(this, "keys");
    private long keysChangedAt;

    public ProjectRow(Project project) {
        this.id = project.id();
        this.project = new ReadOnlyObjectWrapper<>(this, "project", project);
    }

    /** What a list of rows must watch so filters and sorts follow later changes. */
    public static Observable[] observables(ProjectRow row) {
        return new Observable[] {row.project, row.keys};
    }

    public String id() {
        return id;
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Project project() {
        return project.get();
    }

    /** Null until the project's keys have been fetched. */
    public ReadOnlyObjectProperty<KeySummary> keysProperty() {
        return keys.getReadOnlyProperty();
    }

    public KeySummary keys() {
        return keys.get();
    }

    void show(Project fresh) {
        project.set(fresh);
    }

    void showKeys(KeySummary summary) {
        keys.set(summary);
    }

    /** When (on the model's change clock) a change to this project's keys last landed. */
    long keysChangedAt() {
        return keysChangedAt;
    }

    void keysChanged(long stamp) {
        keysChangedAt = stamp;
    }

    @Override
    public String toString() {
        return "ProjectRow[" + id + "]";
    }
}
