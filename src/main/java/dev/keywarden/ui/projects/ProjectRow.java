package dev.keywarden.ui.projects;

import dev.keywarden.model.Project;
import dev.keywarden.ui.store.KeySummary;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of the projects table: the project as the server last sent it, and its key figures, which
 * are a summary the key store keeps (null until the project's keys are listed). Only
 * {@link ProjectsModel} changes it.
 */
public final class ProjectRow {
    private final String id;
    private final ReadOnlyObjectWrapper<Project> project;
    private final ReadOnlyObjectProperty<KeySummary> keys;

    ProjectRow(Project project, ReadOnlyObjectProperty<KeySummary> keys) {
        this.id = project.id();
        this.project = new ReadOnlyObjectWrapper<>(this, "project", project);
        this.keys = keys;
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
        return keys;
    }

    public KeySummary keys() {
        return keys.get();
    }

    void show(Project fresh) {
        project.set(fresh);
    }

    @Override
    public String toString() {
        return "ProjectRow[" + id + "]";
    }
}
