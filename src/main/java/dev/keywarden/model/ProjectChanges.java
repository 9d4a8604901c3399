package dev.keywarden.model;

/** A partial project update: a null field is unchanged and is not sent. */
public record ProjectChanges(String name, String description) {

    public static ProjectChanges between(Project before, String name, String description) {
        return new ProjectChanges(
                name.equals(before.name()) ? null : name,
                description.equals(before.description() == null ? "" : before.description()) ? null : description);
    }

    public boolean isEmpty() {
        return name == null && description == null;
    }
}
