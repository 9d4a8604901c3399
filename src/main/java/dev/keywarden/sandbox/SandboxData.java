package dev.keywarden.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole organisation state: what the demo generator produces, the store starts from, and the
 * data file holds. Key values here are raw (never masked): they must still authenticate after a restart.
 */
record SandboxData(
        @JsonProperty("format") String format,
        @JsonProperty("version") int version,
        @JsonProperty("organization") Organization organization,
        @JsonProperty("nextKeyId") long nextKeyId,
        @JsonProperty("projects") List<ProjectData> projects) {

    static final String FORMAT = "keywarden-sandbox";
    static final int VERSION = 2;

    SandboxData {
        projects = projects == null ? null : List.copyOf(projects);
    }

    static SandboxData of(Organization organization, long nextKeyId, List<ProjectData> projects) {
        return new SandboxData(FORMAT, VERSION, organization, nextKeyId, projects);
    }

    record ProjectData(@JsonProperty("project") Project project, @JsonProperty("apiKeys") List<ApiKey> apiKeys) {
        ProjectData {
            apiKeys = apiKeys == null ? null : List.copyOf(apiKeys);
        }
    }

    /** Checks what Jackson cannot: presence, uniqueness and references. Throws with a plain-words reason. */
    void validate() {
        check(FORMAT.equals(format), "it is not a Keywarden sandbox data file (\"format\" is not \"" + FORMAT + "\")");
        check(version == VERSION, "its version " + version + " is not supported (expected " + VERSION + ")");
        check(organization != null, "\"organization\" is missing");
        check(organization.id() != null && organization.name() != null && organization.plan() != null
                && organization.createdAt() != null, "the organization lacks an id, name, plan or created_at");
        check(projects != null, "\"projects\" is missing");
        Set<String> projectIds = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<Long> keyIds = new HashSet<>();
        for (ProjectData entry : projects) {
            check(entry != null && entry.project() != null && entry.apiKeys() != null,
                    "a project entry lacks \"project\" or \"apiKeys\"");
            Project project = entry.project();
            check(project.id() != null && project.name() != null && project.createdAt() != null,
                    "a project lacks an id, name or created_at");
            check(organization.id().equals(project.organizationId()),
                    "project " + project.id() + " belongs to another organization");
            check(projectIds.add(project.id()), "project id " + project.id() + " appears twice");
            check(names.add(ProjectNames.normalised(project.name())), "project name \"" + project.name() + "\" appears twice");
            for (ApiKey key : entry.apiKeys()) {
                check(key != null && key.value() != null && !key.value().isBlank() && key.createdAt() != null,
                        "an API key in project " + project.id() + " lacks a value or created_at");
                check(key.id() > 0, "API key id " + key.id() + " is not positive");
                check(keyIds.add(key.id()), "API key id " + key.id() + " appears twice");
                check(!key.isMasked(), "API key " + key.id() + " holds a masked value, not a raw one");
            }
        }
    }

    long highestKeyId() {
        return projects.stream().flatMap(p -> p.apiKeys().stream()).mapToLong(ApiKey::id).max().orElse(0);
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
