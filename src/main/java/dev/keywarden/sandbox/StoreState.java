package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation's projects and keys with their lookups, changed only through {@link Change#applyTo}.
 * Not thread-safe: {@link SandboxStore} decides who may touch it. Each change refuses what would break the
 * indexes (an unknown id, a duplicate id or value), which only a bad journal can ask for; the reason names
 * key ids at most, never a value or name.
 */
final class StoreState {

    private final Organization organization;
    private final Map<String, ProjectEntry> projects = new LinkedHashMap<>();
    private final Map<Long, String> projectIdByKeyId = new HashMap<>();
    /** Keyed by a digest of the raw value, so a lookup never compares secrets character by character. */
    private final Map<String, Long> keyIdByValueDigest = new HashMap<>();
    private long nextKeyId;

    private static final class ProjectEntry {
        Project project;
        final Map<Long, ApiKey> keys = new LinkedHashMap<>();

        ProjectEntry(Project project) {
            this.project = project;
        }
    }

    /** @throws IllegalArgumentException when the data is not consistent, in plain words */
    StoreState(SandboxData data) {
        data.validate();
        this.organization = data.organization();
        for (SandboxData.ProjectData stored : data.projects()) {
            addProject(stored.project());
            for (ApiKey key : stored.apiKeys()) {
                addKey(stored.project().id(), key);
            }
        }
        this.nextKeyId = Math.max(data.nextKeyId(), data.highestKeyId() + 1);
    }

    Organization organization() {
        return organization;
    }

    long nextKeyId() {
        return nextKeyId;
    }

    List<Project> projects() {
        return projects.values().stream().map(e -> e.project).toList();
    }

    /** Null when there is no such project. */
    Project project(String projectId) {
        ProjectEntry entry = projects.get(projectId);
        return entry == null ? null : entry.project;
    }

    /** The project's keys with raw values, oldest first; null when there is no such project. */
    List<ApiKey> keys(String projectId) {
        ProjectEntry entry = projects.get(projectId);
        return entry == null ? null : List.copyOf(entry.keys.values());
    }

    /** Null when the project or key does not exist or the key belongs to another project. */
    ApiKey key(String projectId, long keyId) {
        ProjectEntry entry = projects.get(projectId);
        return entry == null ? null : entry.keys.get(keyId);
    }

    /** Null when no key has this value. */
    ApiKey keyByValueDigest(String digest) {
        Long keyId = keyIdByValueDigest.get(digest);
        return keyId == null ? null : projects.get(projectIdByKeyId.get(keyId)).keys.get(keyId);
    }

    Project projectOfKey(long keyId) {
        return projects.get(projectIdByKeyId.get(keyId)).project;
    }

    boolean hasValueDigest(String digest) {
        return keyIdByValueDigest.containsKey(digest);
    }

    List<String> activeKeyValues() {
        List<String> values = new ArrayList<>();
        for (ProjectEntry entry : projects.values()) {
            entry.keys.values().stream().filter(ApiKey::valid).map(ApiKey::value).forEach(values::add);
        }
        return values;
    }

    SandboxData toData() {
        List<SandboxData.ProjectData> stored = new ArrayList<>();
        for (ProjectEntry entry : projects.values()) {
            stored.add(new SandboxData.ProjectData(entry.project, List.copyOf(entry.keys.values())));
        }
        return SandboxData.of(organization, nextKeyId, stored);
    }

    ApiKey existingKey(long keyId) {
        String projectId = projectIdByKeyId.get(keyId);
        require(projectId != null, "it names API key " + keyId + ", which does not exist");
        return projects.get(projectId).keys.get(keyId);
    }

    void addProject(Project project) {
        require(project.id() != null && !projects.containsKey(project.id()), "it adds a project whose id is already taken");
        require(organization.id().equals(project.organizationId()), "it adds a project of another organization");
        projects.put(project.id(), new ProjectEntry(project));
    }

    void replaceProject(Project project) {
        existingProject(project.id()).project = project;
    }

    void removeProject(String projectId) {
        ProjectEntry entry = existingProject(projectId);
        for (ApiKey key : List.copyOf(entry.keys.values())) {
            removeKey(key.id());
        }
        projects.remove(projectId);
    }

    void addKey(String projectId, ApiKey key) {
        ProjectEntry entry = existingProject(projectId);
        require(key.id() > 0 && !projectIdByKeyId.containsKey(key.id()), "it adds API key " + key.id() + ", which already exists");
        require(key.value() != null && !key.isMasked(), "it adds API key " + key.id() + " without a raw value");
        String digest = SandboxStore.digest(key.value());
        require(!keyIdByValueDigest.containsKey(digest), "it adds API key " + key.id() + " with the value of another key");
        entry.keys.put(key.id(), key);
        projectIdByKeyId.put(key.id(), projectId);
        keyIdByValueDigest.put(digest, key.id());
        nextKeyId = Math.max(nextKeyId, key.id() + 1);
    }

    void replaceKey(ApiKey key) {
        ApiKey old = existingKey(key.id());
        require(old.value().equals(key.value()), "it changes the value of API key " + key.id());
        projects.get(projectIdByKeyId.get(key.id())).keys.put(key.id(), key);
    }

    void removeKey(long keyId) {
        ApiKey key = existingKey(keyId);
        projects.get(projectIdByKeyId.remove(keyId)).keys.remove(keyId);
        keyIdByValueDigest.remove(SandboxStore.digest(key.value()));
    }

    private ProjectEntry existingProject(String projectId) {
        ProjectEntry entry = projects.get(projectId);
        require(entry != null, "it names a project that does not exist");
        return entry;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }
}
