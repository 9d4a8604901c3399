package dev.keywarden.ui.store;

/** A project as its keys' rows name it: one per project, shared by its rows, so a rename is one change. */
final class Owner {
    private final String projectId;
    private String name;

    Owner(String projectId, String name) {
        this.projectId = projectId;
        this.name = name;
    }

    String projectId() {
        return projectId;
    }

    String name() {
        return name;
    }

    /** Whether the name changed. */
    boolean rename(String newName) {
        if (java.util.Objects.equals(newName, name)) {
            return false;
        }
        this.name = newName;
        return true;
    }
}
