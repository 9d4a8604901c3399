package dev.keywarden.core.keys;

/** Whether a key belongs to a project or to the organisation itself (an admin key). */
public enum KeyKind {
    PROJECT("Project"),
    ORGANISATION("Organisation");

    private final String label;

    KeyKind(String label) {
        this.label = label;
    }

    /** "Project" or "Organisation", for a table column. */
    public String label() {
        return label;
    }
}
