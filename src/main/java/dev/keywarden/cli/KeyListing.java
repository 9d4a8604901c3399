package dev.keywarden.cli;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;

import java.time.Instant;

/**
 * One line of {@code keys list}: a project key with its project, or an organisation key (no project).
 * {@code value} is always the masked value. A small stand-in for the all-keys rows being built in
 * {@code core} for the console; to be replaced by them once they land.
 */
record KeyListing(Kind kind, String projectId, String projectName, long keyId, String name, String value,
                  boolean active, Instant createdAt, Instant lastUsed) {

    /** {@code name()} is the kind's word in CSV and JSON (as in the console's export); {@code word} in the table. */
    enum Kind {
        PROJECT("project"), ORGANISATION("org");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    static KeyListing ofProject(Project project, ApiKey key) {
        ApiKey masked = key.masked();
        return new KeyListing(Kind.PROJECT, project.id(), project.name(), masked.id(), masked.name(), masked.value(),
                masked.valid(), masked.createdAt(), masked.lastUsed());
    }

    static KeyListing ofOrganisation(ApiKey key) {
        ApiKey masked = key.masked();
        return new KeyListing(Kind.ORGANISATION, null, null, masked.id(), masked.name(), masked.value(), masked.valid(),
                masked.createdAt(), masked.lastUsed());
    }

    String status() {
        return active ? "active" : "deactivated";
    }

    /** The last 6 characters: what an admin matches against a leaked key. */
    String suffix() {
        return value.length() <= 6 ? value : value.substring(value.length() - 6);
    }
}
