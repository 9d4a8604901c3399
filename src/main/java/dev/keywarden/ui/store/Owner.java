package dev.keywarden.ui.store;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A project as its keys' rows name it: one per project, shared by its rows, so a rename is one change, which the
 * cells showing the name hear (a table does not refill a row whose item stayed when its list tells of an update).
 */
final class Owner {
    private final String projectId;
    private final ReadOnlyStringWrapper name;

    Owner(String projectId, String name) {
        this.projectId = projectId;
        this.name = new ReadOnlyStringWrapper(this, "name", name);
    }

    String projectId() {
        return projectId;
    }

    String name() {
        return name.get();
    }

    ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** Whether the name changed. */
    boolean rename(String newName) {
        if (java.util.Objects.equals(newName, name.get())) {
            return false;
        }
        name.set(newName);
        return true;
    }
}
