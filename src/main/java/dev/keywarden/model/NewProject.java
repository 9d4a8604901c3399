package dev.keywarden.model;

/**
 * What creating a project sends: {@code name} is required; {@code description} and
 * {@code email} (an existing member made Owner) are optional and left out when null.
 */
public record NewProject(String name, String description, String email) {
    public NewProject {
        if (name == null) {
            throw new IllegalArgumentException("a project needs a name");
        }
    }

    public static NewProject named(String name) {
        return new NewProject(name, null, null);
    }
}
