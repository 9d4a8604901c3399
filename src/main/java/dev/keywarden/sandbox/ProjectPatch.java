package dev.keywarden.sandbox;

/**
 * A partial project update. {@code name} null means unchanged; the description changes only when
 * {@code changesDescription} is set, because null is a value it can be set to.
 */
public record ProjectPatch(String name, boolean changesDescription, String description) {

    public static ProjectPatch none() {
        return new ProjectPatch(null, false, null);
    }

    public ProjectPatch withName(String newName) {
        return new ProjectPatch(newName, changesDescription, description);
    }

    public ProjectPatch withDescription(String newDescription) {
        return new ProjectPatch(name, true, newDescription);
    }
}
