package dev.keywarden.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole organisation state: what the demo generator produces, the store starts from, and the
 * data file holds. Key values here are raw (never masked): they must still authenticate after a restart.
 * {@code organizationApiKeys} are the organisation's own (admin) keys, except the one the sandbox was
 * started with, which is never written; files before version 3 have none. Since version 4 a key may carry
 * {@code expiresAt} and, while a rotation is in flight, {@code shadowValue} (raw) and {@code rotatesAt}.
 */
record SandboxData(
        @JsonProperty("format") String format,
        @JsonProperty("version") int version,
        @JsonProperty("organization") Organization organization,
        @JsonProperty("nextKeyId") long nextKeyId,
        @JsonProperty("projects") List<ProjectData> projects,
        @JsonProperty("organizationApiKeys") List<ApiKey> organizationApiKeys) {

    static final String FORMAT = "keywarden-sandbox";
    /**
     * 3 added {@code organizationApiKeys}, 4 the keys' {@code expiresAt}, {@code shadowValue} and {@code rotatesAt};
     * an older sandbox would drop them silently (a rotated key's new value with them), so it must refuse the file.
     */
    static final int VERSION = 4;

    SandboxData {
        // Missing in files written before version 3: they have no organisation keys.
        organizationApiKeys = organizationApiKeys == null ? List.of() : List.copyOf(organizationApiKeys);
        projects = projects == null ? null : List.copyOf(projects);
    }

    static SandboxData of(Organization organization, long nextKeyId, List<ProjectData> projects) {
        return of(organization, nextKeyId, List.of(), projects);
    }

    static SandboxData of(Organization organization, long nextKeyId, List<ApiKey> organizationApiKeys,
                          List<ProjectData> projects) {
        return new SandboxData(FORMAT, VERSION, organization, nextKeyId, projects, organizationApiKeys);
    }

    record ProjectData(@JsonProperty("project") Project project, @JsonProperty("apiKeys") List<ApiKey> apiKeys) {
        ProjectData {
            apiKeys = apiKeys == null ? null : List.copyOf(apiKeys);
        }
    }

    /**
     * Checks what Jackson cannot: presence, uniqueness and references. Throws with a plain-words reason that
     * points at the place ({@code projects[2].apiKeys[0]}) and never quotes a value: in a damaged file a raw
     * key can sit where a name should be.
     */
    void validate() {
        check(FORMAT.equals(format), "it is not a Keywarden sandbox data file (\"format\" is not \"" + FORMAT + "\")");
        check(version == VERSION, "its version " + version + " is not supported (expected " + VERSION + ")");
        check(organization != null, "\"organization\" is missing");
        check(organization.id() != null && organization.name() != null && organization.plan() != null
                && organization.createdAt() != null, "the organization lacks an id, name, plan or created_at");
        check(projects != null, "\"projects\" is missing");
        Map<String, String> projectIds = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<Long, String> keyIds = new HashMap<>();
        for (int p = 0; p < projects.size(); p++) {
            String at = "projects[" + p + "]";
            ProjectData entry = projects.get(p);
            check(entry != null && entry.project() != null && entry.apiKeys() != null,
                    at + " lacks \"project\" or \"apiKeys\"");
            Project project = entry.project();
            check(project.id() != null && project.name() != null && project.createdAt() != null,
                    at + ".project lacks an id, name or created_at");
            check(organization.id().equals(project.organizationId()),
                    at + ".project belongs to another organization");
            String sameId = projectIds.putIfAbsent(project.id(), at);
            check(sameId == null, "the project id at " + at + " appears twice (also at " + sameId + ")");
            String sameName = names.putIfAbsent(ProjectNames.normalised(project.name()), at);
            check(sameName == null, "the project name at " + at + " appears twice (also at " + sameName + ")");
            for (int k = 0; k < entry.apiKeys().size(); k++) {
                checkKey(entry.apiKeys().get(k), at + ".apiKeys[" + k + "]", keyIds);
            }
        }
        // Organisation keys share the id sequence with project keys: one id names one key.
        for (int k = 0; k < organizationApiKeys.size(); k++) {
            checkKey(organizationApiKeys.get(k), "organizationApiKeys[" + k + "]", keyIds);
        }
    }

    private static void checkKey(ApiKey key, String keyAt, Map<Long, String> keyIds) {
        check(key != null && key.value() != null && !key.value().isBlank() && key.createdAt() != null,
                keyAt + " lacks a value or created_at");
        check(key.id() > 0, "API key id " + key.id() + " at " + keyAt + " is not positive");
        String sameKey = keyIds.putIfAbsent(key.id(), keyAt);
        check(sameKey == null, "API key id " + key.id() + " at " + keyAt + " appears twice (also at " + sameKey + ")");
        check(!key.isMasked(), keyAt + " holds a masked value, not a raw one");
        check((key.shadowValue() == null) == (key.rotatesAt() == null),
                keyAt + " has a shadowValue without rotatesAt, or the reverse");
        check(key.shadowValue() == null || !key.shadowValue().isBlank() && !key.shadowValue().startsWith("*"),
                keyAt + " holds a masked or empty shadowValue, not a raw one");
    }

    long highestKeyId() {
        long projectKeys = projects.stream().flatMap(p -> p.apiKeys().stream()).mapToLong(ApiKey::id).max().orElse(0);
        long orgKeys = organizationApiKeys.stream().mapToLong(ApiKey::id).max().orElse(0);
        return Math.max(projectKeys, orgKeys);
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
