package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The organisation, its own (organisation) keys, its projects and their keys, with their lookups, changed only
 * through {@link Change#applyTo}. Not thread-safe: {@link SandboxStore} decides who may touch it. Each change
 * refuses what would break the indexes (an unknown id, a duplicate id or value), which only a bad journal can
 * ask for; the reason names key ids at most, never a value or name. Project and organisation keys share one
 * rising id sequence and one set of values, but a value authenticates only as its own kind. A key in the middle
 * of a rotation has two values (the current one and its {@code shadowValue}); both are indexed.
 */
final class StoreState {

    static final String ADMIN_KEY_NAME = "Sandbox admin key";
    /** The key the sandbox was started with: listed and usable like the others, never written to the data file. */
    static final long ADMIN_KEY_ID = 0;

    private Organization organization;
    /** By id, so they are listed in id order. */
    private final Map<Long, ApiKey> orgKeys = new TreeMap<>();
    private final Map<String, Long> orgKeyIdByValueDigest = new HashMap<>();
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
        for (ApiKey key : data.organizationApiKeys()) {
            addOrgKey(key);
        }
        this.nextKeyId = Math.max(data.nextKeyId(), data.highestKeyId() + 1);
    }

    /** An independent copy, the key the sandbox was started with included (which {@link #toData()} leaves out). */
    StoreState copy() {
        StoreState copy = new StoreState(toData());
        ApiKey admin = orgKeys.get(ADMIN_KEY_ID);
        if (admin != null) {
            copy.orgKeys.put(ADMIN_KEY_ID, admin);
            copy.orgKeyIdByValueDigest.put(ValueDigest.of(admin.value()), ADMIN_KEY_ID);
            indexShadow(copy.orgKeyIdByValueDigest, admin);
        }
        copy.nextKeyId = nextKeyId;
        return copy;
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

    /** Null when no key has this value, current or replacement. */
    ApiKey keyByValueDigest(String digest) {
        Long keyId = keyIdByValueDigest.get(digest);
        return keyId == null ? null : projects.get(projectIdByKeyId.get(keyId)).keys.get(keyId);
    }

    Project projectOfKey(long keyId) {
        return projects.get(projectIdByKeyId.get(keyId)).project;
    }

    /** Whether any key, of a project or of the organisation, has this value. */
    boolean hasValueDigest(String digest) {
        return keyIdByValueDigest.containsKey(digest) || orgKeyIdByValueDigest.containsKey(digest);
    }

    /** The organisation's keys with raw values, by id. */
    List<ApiKey> orgKeys() {
        return List.copyOf(orgKeys.values());
    }

    /** Null when there is no such organisation key. */
    ApiKey orgKey(long keyId) {
        return orgKeys.get(keyId);
    }

    /** Null when no organisation key has this value, current or replacement. */
    ApiKey orgKeyByValueDigest(String digest) {
        Long keyId = orgKeyIdByValueDigest.get(digest);
        return keyId == null ? null : orgKeys.get(keyId);
    }

    /** Whether this is the key the sandbox was started with, whose changes live in memory only. */
    boolean isAdminKey(long keyId) {
        return keyId == ADMIN_KEY_ID;
    }

    /**
     * Lists the key the sandbox was started with among the organisation's keys as key {@value #ADMIN_KEY_ID},
     * unless a stored organisation key has that value already (then that one is it). Never written to the data
     * file, so it is listed again, active, at every start; id 0 is never given to a written key, so the id
     * sequence is not touched.
     *
     * @throws IllegalArgumentException when the value is a project key's (one value must not be both kinds), or
     *                                  starts with {@code *} as masked values do
     */
    void addAdminKey(String value, Instant now) {
        String digest = ValueDigest.of(value);
        if (orgKeyIdByValueDigest.containsKey(digest)) {
            return;
        }
        if (keyIdByValueDigest.containsKey(digest)) {
            throw new IllegalArgumentException("The organisation key given is the value of a project key in the data; "
                    + "an organisation key must have a value of its own");
        }
        if (value.startsWith("*")) {
            // It would pass for already masked and be listed as it is.
            throw new IllegalArgumentException("The organisation key given starts with *, as masked keys do; "
                    + "choose one that does not");
        }
        orgKeys.put(ADMIN_KEY_ID, new ApiKey(ADMIN_KEY_ID, ADMIN_KEY_NAME, true, value, now, null));
        orgKeyIdByValueDigest.put(digest, ADMIN_KEY_ID);
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
        List<ApiKey> written = orgKeys.values().stream().filter(key -> !isAdminKey(key.id())).toList();
        return SandboxData.of(organization, nextKeyId, written, stored);
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
        String digest = requireNewKey(key);
        entry.keys.put(key.id(), key);
        projectIdByKeyId.put(key.id(), projectId);
        keyIdByValueDigest.put(digest, key.id());
        indexShadow(keyIdByValueDigest, key);
        nextKeyId = Math.max(nextKeyId, key.id() + 1);
    }

    void replaceKey(ApiKey key) {
        ApiKey old = existingKey(key.id());
        requireSameValues(old, key, "API key ");
        projects.get(projectIdByKeyId.get(key.id())).keys.put(key.id(), key);
    }

    /** Replaces a project key whose values change: a rotation, or its completion. */
    void rekey(ApiKey key) {
        ApiKey old = existingKey(key.id());
        requireFreeValues(key);
        unindex(keyIdByValueDigest, old);
        keyIdByValueDigest.put(ValueDigest.of(key.value()), key.id());
        indexShadow(keyIdByValueDigest, key);
        projects.get(projectIdByKeyId.get(key.id())).keys.put(key.id(), key);
    }

    void removeKey(long keyId) {
        ApiKey key = existingKey(keyId);
        projects.get(projectIdByKeyId.remove(keyId)).keys.remove(keyId);
        unindex(keyIdByValueDigest, key);
    }

    void renameOrganization(String name) {
        require(name != null, "it renames the organization without a name");
        organization = new Organization(organization.id(), name, organization.plan(), organization.createdAt());
    }

    ApiKey existingOrgKey(long keyId) {
        ApiKey key = orgKeys.get(keyId);
        require(key != null, "it names organization API key " + keyId + ", which does not exist");
        return key;
    }

    void addOrgKey(ApiKey key) {
        String digest = requireNewKey(key);
        orgKeys.put(key.id(), key);
        orgKeyIdByValueDigest.put(digest, key.id());
        indexShadow(orgKeyIdByValueDigest, key);
        nextKeyId = Math.max(nextKeyId, key.id() + 1);
    }

    void replaceOrgKey(ApiKey key) {
        ApiKey old = existingOrgKey(key.id());
        requireSameValues(old, key, "organization API key ");
        orgKeys.put(key.id(), key);
    }

    /** Replaces an organisation key whose values change: a rotation, or its completion. */
    void rekeyOrgKey(ApiKey key) {
        ApiKey old = existingOrgKey(key.id());
        requireFreeValues(key);
        unindex(orgKeyIdByValueDigest, old);
        orgKeyIdByValueDigest.put(ValueDigest.of(key.value()), key.id());
        indexShadow(orgKeyIdByValueDigest, key);
        orgKeys.put(key.id(), key);
    }

    void removeOrgKey(long keyId) {
        ApiKey key = existingOrgKey(keyId);
        orgKeys.remove(keyId);
        unindex(orgKeyIdByValueDigest, key);
    }

    /** Checks a key to be added against every key of either kind; returns its value's digest. */
    private String requireNewKey(ApiKey key) {
        require(key.id() > 0 && !projectIdByKeyId.containsKey(key.id()) && !orgKeys.containsKey(key.id()),
                "it adds API key " + key.id() + ", which already exists");
        requireFreeValues(key);
        return ValueDigest.of(key.value());
    }

    /** Both values of {@code key} raw, apart, and no other key's; a replacement only with its time. */
    private void requireFreeValues(ApiKey key) {
        require(key.value() != null && !key.isMasked(), "it gives API key " + key.id() + " no raw value");
        require((key.shadowValue() == null) == (key.rotatesAt() == null),
                "it gives API key " + key.id() + " a replacement value without its rotation time, or the reverse");
        require(key.shadowValue() == null || !key.shadowValue().isEmpty() && !key.shadowValue().startsWith("*")
                && !key.shadowValue().equals(key.value()), "it gives API key " + key.id() + " a replacement value that is not raw and new");
        for (String value : new String[] {key.value(), key.shadowValue()}) {
            if (value != null) {
                String digest = ValueDigest.of(value);
                Long holder = keyIdByValueDigest.containsKey(digest) ? keyIdByValueDigest.get(digest) : orgKeyIdByValueDigest.get(digest);
                require(holder == null || holder == key.id(), "it gives API key " + key.id() + " the value of another key");
            }
        }
    }

    private static void requireSameValues(ApiKey old, ApiKey key, String kind) {
        require(old.value().equals(key.value()) && Objects.equals(old.shadowValue(), key.shadowValue()),
                "it changes the value of " + kind + key.id());
    }

    private static void indexShadow(Map<String, Long> index, ApiKey key) {
        if (key.shadowValue() != null) {
            index.put(ValueDigest.of(key.shadowValue()), key.id());
        }
    }

    private static void unindex(Map<String, Long> index, ApiKey key) {
        index.remove(ValueDigest.of(key.value()));
        if (key.shadowValue() != null) {
            index.remove(ValueDigest.of(key.shadowValue()));
        }
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

    // Checks of a change about to be made, answering as the API does when they fail.

    Project projectOrNotFound(String projectId) {
        Project project = project(projectId);
        if (project == null) {
            throw ApiError.projectNotFound();
        }
        return project;
    }

    ApiKey keyOrNotFound(String projectId, long keyId) {
        projectOrNotFound(projectId);
        ApiKey key = key(projectId, keyId);
        if (key == null) {
            throw ApiError.keyNotFound();
        }
        return key;
    }

    ApiKey orgKeyOrNotFound(long keyId) {
        ApiKey key = orgKey(keyId);
        if (key == null) {
            throw ApiError.keyNotFound();
        }
        return key;
    }

    void requireUniqueName(String name, String exceptProjectId) {
        String wanted = ProjectNames.normalised(name);
        for (Project project : projects()) {
            if (!project.id().equals(exceptProjectId) && ProjectNames.normalised(project.name()).equals(wanted)) {
                throw ApiError.conflict("A project named \"" + name + "\" already exists");
            }
        }
    }

    String newProjectId() {
        String id;
        do {
            id = Identifiers.cuid(Identifiers.SECURE);
        } while (project(id) != null);
        return id;
    }

    /** A key not yet in the state: the id is taken for good only once the change that adds it is applied. */
    ApiKey newKey(String name, Instant createdAt, Function<Random, String> values) {
        String value;
        do {
            value = values.apply(Identifiers.SECURE);
        } while (hasValueDigest(ValueDigest.of(value)));
        return new ApiKey(nextKeyId(), name, true, value, createdAt, null);
    }
}
