package dev.keywarden.ui.main;

import dev.keywarden.model.Project;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One row of the projects table: the project as the server last sent it, and its keys once loaded. */
public final class ProjectRow {
    private final String id;
    private final ObjectProperty<Project> project;
    private final ObjectProperty<KeySummary> keys = new SimpleObjectProperty<>(this, "keys");
    private long keyChanges;

    public ProjectRow(Project project) {
        this.id = project.id();
        this.project = new SimpleObjectProperty<>(this, "project", project);
    }

    /** What a list of rows must watch so filters and sorts follow later changes. */
    public static Observable[] observables(ProjectRow row) {
        return new Observable[] {row.project, row.keys};
    }

    public String id() {
        return id;
    }

    public ObjectProperty<Project> projectProperty() {
        return project;
    }

    public Project project() {
        return project.get();
    }

    /** Null until the project's keys have been fetched. */
    public ObjectProperty<KeySummary> keysProperty() {
        return keys;
    }

    public KeySummary keys() {
        return keys.get();
    }

    /** Counts changes to this project's keys that landed; a key list fetched before one of them is stale. */
    public long keyChanges() {
        return keyChanges;
    }

    void keyChanged() {
        keyChanges++;
    }

    @Override
    public String toString() {
        return "ProjectRow[" + id + "]";
    }
}
