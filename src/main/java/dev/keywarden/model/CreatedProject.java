package dev.keywarden.model;

/** The answer to creating a project: the project and, from current servers, its default key with its raw value. */
public record CreatedProject(Project project, ApiKey defaultKey) {
}
