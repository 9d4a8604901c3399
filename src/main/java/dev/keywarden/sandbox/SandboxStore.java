package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.CreatedProject;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The in-memory organisation. One lock guards everything, so no update is lost; after each change the
 * new state is handed to the persister while the lock is still held, so the data file never goes
 * backwards. Keys are held with raw values and masked on the way out, except when just created.
 */
public final class SandboxStore {

    static final String DEFAULT_KEY_NAME = "Default Key";

    private final Object lock = new Object();
    private final Clock clock;
    private final Consumer<SandboxData> persister;
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

    SandboxStore(SandboxData data, Clock clock, Consumer<SandboxData> persister) {
        data.validate();
        this.clock = clock;
        this.persister = persister;
        this.organization = data.organization();
        for (SandboxData.ProjectData stored : data.projects()) {
            ProjectEntry entry = new ProjectEntry(stored.project());
            projects.put(stored.project().id(), entry);
            for (ApiKey key : stored.apiKeys()) {
                index(entry, key);
            }
        }
        this.nextKeyId = Math.max(data.nextKeyId(), data.highestKeyId() + 1);
    }

    public Organization organization() {
        return organization;
    }

    public List<Project> projects() {
        synchronized (lock) {
            return projects.values().stream().map(e -> e.project).toList();
        }
    }

    public Optional<Project> project(String projectId) {
        synchronized (lock) {
            return Optional.ofNullable(projects.get(projectId)).map(e -> e.project);
        }
    }

    /** The project's keys, masked, oldest first. */
    public List<ApiKey> keys(String projectId) {
        synchronized (lock) {
            return entry(projectId).keys.values().stream().map(ApiKey::masked).toList();
        }
    }

    /** One key, masked; empty when the project or key does not exist or the key belongs to another project. */
    public Optional<ApiKey> key(String projectId, long keyId) {
        synchronized (lock) {
            ProjectEntry entry = projects.get(projectId);
            return entry == null ? Optional.empty() : Optional.ofNullable(entry.keys.get(keyId)).map(ApiKey::masked);
        }
    }

    /** Test hook: the raw value of a live key, to call {@code /v1/datasets} with it. */
    public String rawValue(long keyId) {
        synchronized (lock) {
            String projectId = projectIdByKeyId.get(keyId);
            if (projectId == null) {
                throw new NoSuchElementException("no API key with id " + keyId);
            }
            return projects.get(projectId).keys.get(keyId).value();
        }
    }

    /** Creates a project with its default key; the key comes back with its raw value. */
    public CreatedProject createProject(String name, String description) {
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            String stripped = name.strip();
            requireUniqueName(stripped, null);
            Instant now = now();
            Project project = new Project(newProjectId(), stripped, description, organization.id(), now, null);
            ProjectEntry entry = new ProjectEntry(project);
            projects.put(project.id(), entry);
            ApiKey key = mintKey(entry, DEFAULT_KEY_NAME, now);
            persist();
            return new CreatedProject(project, key);
        }
    }

    public Project updateProject(String projectId, ProjectPatch patch) {
        synchronized (lock) {
            ProjectEntry entry = entry(projectId);
            Project old = entry.project;
            String name = old.name();
            if (patch.name() != null) {
                name = patch.name().strip();
                requireUniqueName(name, projectId);
            }
            String description = patch.changesDescription() ? patch.description() : old.description();
            entry.project = new Project(old.id(), name, description, old.organizationId(), old.createdAt(),
                    old.governancePolicy());
            persist();
            return entry.project;
        }
    }

    /** Deletes the project and all its keys; their values stop authenticating at once. */
    public void deleteProject(String projectId) {
        synchronized (lock) {
            ProjectEntry entry = entry(projectId);
            for (ApiKey key : List.copyOf(entry.keys.values())) {
                unindex(entry, key);
            }
            projects.remove(projectId);
            persist();
        }
    }

    /** Mints a key; the answer carries its raw value, the only time it is shown. */
    public ApiKey createKey(String projectId, String name) {
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            ApiKey key = mintKey(entry(projectId), name, now());
            persist();
            return key;
        }
    }

    public ApiKey setKeyValid(String projectId, long keyId, boolean valid) {
        synchronized (lock) {
            ProjectEntry entry = entry(projectId);
            ApiKey old = keyIn(entry, keyId);
            ApiKey updated = new ApiKey(old.id(), old.name(), valid, old.value(), old.createdAt(), old.lastUsed());
            entry.keys.put(keyId, updated);
            persist();
            return updated.masked();
        }
    }

    public void deleteKey(String projectId, long keyId) {
        synchronized (lock) {
            ProjectEntry entry = entry(projectId);
            unindex(entry, keyIn(entry, keyId));
            persist();
        }
    }

    /**
     * Authenticates a data-plane call made with a project key: an active key's {@code lastUsed} becomes
     * now and its project is returned; a deactivated, revoked or unknown value gives empty.
     */
    public Optional<Project> useProjectKey(String rawValue) {
        if (rawValue == null) {
            return Optional.empty();
        }
        String digest = digest(rawValue);
        synchronized (lock) {
            Long keyId = keyIdByValueDigest.get(digest);
            if (keyId == null) {
                return Optional.empty();
            }
            ProjectEntry entry = projects.get(projectIdByKeyId.get(keyId));
            ApiKey key = entry.keys.get(keyId);
            if (!key.valid()) {
                return Optional.empty();
            }
            entry.keys.put(keyId, new ApiKey(key.id(), key.name(), true, key.value(), key.createdAt(), now()));
            persist();
            return Optional.of(entry.project);
        }
    }

    /** Raw values of the keys that would authenticate now (for the traffic simulator). */
    List<String> activeKeyValues() {
        synchronized (lock) {
            List<String> values = new ArrayList<>();
            for (ProjectEntry entry : projects.values()) {
                entry.keys.values().stream().filter(ApiKey::valid).map(ApiKey::value).forEach(values::add);
            }
            return values;
        }
    }

    SandboxData snapshot() {
        synchronized (lock) {
            List<SandboxData.ProjectData> stored = new ArrayList<>();
            for (ProjectEntry entry : projects.values()) {
                stored.add(new SandboxData.ProjectData(entry.project, List.copyOf(entry.keys.values())));
            }
            return SandboxData.of(organization, nextKeyId, stored);
        }
    }

    private ProjectEntry entry(String projectId) {
        ProjectEntry entry = projects.get(projectId);
        if (entry == null) {
            throw ApiError.projectNotFound();
        }
        return entry;
    }

    private static ApiKey keyIn(ProjectEntry entry, long keyId) {
        ApiKey key = entry.keys.get(keyId);
        if (key == null) {
            throw ApiError.keyNotFound();
        }
        return key;
    }

    private void requireUniqueName(String name, String exceptProjectId) {
        String wanted = ProjectNames.normalised(name);
        for (ProjectEntry entry : projects.values()) {
            if (!entry.project.id().equals(exceptProjectId) && ProjectNames.normalised(entry.project.name()).equals(wanted)) {
                throw ApiError.conflict("A project named \"" + name + "\" already exists");
            }
        }
    }

    private String newProjectId() {
        String id;
        do {
            id = Identifiers.cuid(Identifiers.SECURE);
        } while (projects.containsKey(id));
        return id;
    }

    private ApiKey mintKey(ProjectEntry entry, String name, Instant createdAt) {
        String value;
        do {
            value = Identifiers.projectKeyValue(Identifiers.SECURE);
        } while (keyIdByValueDigest.containsKey(digest(value)));
        ApiKey key = new ApiKey(nextKeyId++, name, true, value, createdAt, null);
        index(entry, key);
        return key;
    }

    private void index(ProjectEntry entry, ApiKey key) {
        entry.keys.put(key.id(), key);
        projectIdByKeyId.put(key.id(), entry.project.id());
        keyIdByValueDigest.put(digest(key.value()), key.id());
    }

    private void unindex(ProjectEntry entry, ApiKey key) {
        entry.keys.remove(key.id());
        projectIdByKeyId.remove(key.id());
        keyIdByValueDigest.remove(digest(key.value()));
    }

    private void persist() {
        persister.accept(snapshot());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
