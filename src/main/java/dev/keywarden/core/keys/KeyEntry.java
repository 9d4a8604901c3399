package dev.keywarden.core.keys;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;

import java.util.Objects;

/**
 * One key of the organisation as loaded: its kind, its project (id and name, both null for an
 * organisation key) and the key with its value always masked (a raw value given here is masked on
 * the way in). One row of the all-keys table, of an export, of a leak match.
 */
public record KeyEntry(KeyKind kind, String projectId, String projectName, ApiKey key) {

    public KeyEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        key = key.masked();
        if (kind == KeyKind.PROJECT && projectId == null) {
            throw new IllegalArgumentException("A project key needs its project id.");
        }
        if (kind == KeyKind.ORGANISATION && (projectId != null || projectName != null)) {
            throw new IllegalArgumentException("An organisation key belongs to no project.");
        }
    }

    public static KeyEntry ofProject(Project project, ApiKey key) {
        return new KeyEntry(KeyKind.PROJECT, project.id(), project.name(), key);
    }

    public static KeyEntry ofOrganisation(ApiKey key) {
        return new KeyEntry(KeyKind.ORGANISATION, null, null, key);
    }

    public KeyRef ref() {
        return new KeyRef(kind, projectId, key.id());
    }

    /** The last 6 characters of the raw value, as the masked value shows them. */
    public String suffix() {
        return key.suffix();
    }

    /** The same row with the key as the server now has it (e.g. after a change). */
    public KeyEntry with(ApiKey updated) {
        return new KeyEntry(kind, projectId, projectName, updated);
    }

    /** The project's name, or "Organisation" for an organisation key: what a project column shows. */
    public String ownerLabel() {
        return kind == KeyKind.ORGANISATION ? KeyKind.ORGANISATION.label() : projectName;
    }
}
