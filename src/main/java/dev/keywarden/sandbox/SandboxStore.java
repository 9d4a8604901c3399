package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.CreatedProject;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * The organisation, safe for many threads. A change is checked, then made durable by the
 * {@link ChangeWriter}, and only then applied to memory, so an answer is always the truth: when the write
 * fails the request answers 500 and nothing changed, in memory or on disk. Changes queue on one write lock
 * (held across the durable write, so the file order is the answer order); reads take only a short state lock
 * and never wait for a disk (recording a key's use is a change). Keys are held with raw values and masked on
 * the way out, except when just created.
 */
public final class SandboxStore implements AutoCloseable {

    static final String DEFAULT_KEY_NAME = "Default Key";
    static final String NOT_SAVED = "The change could not be saved, so it was not made";

    private static final System.Logger LOG = System.getLogger(SandboxStore.class.getName());

    // Package-private for the companions that follow the same rules: KeyAdmission and KeyLifecycle.
    final Object writeLock = new Object();
    final Object stateLock = new Object();
    private final Clock clock;
    final ChangeWriter writer;
    final StoreState state;
    private final List<String> notices;
    private final KeyAdmission admission = new KeyAdmission(this);

    SandboxStore(SandboxData data, Clock clock, ChangeWriter writer) {
        this(new StoreState(data), clock, writer, List.of());
    }

    /** @param notices what the start found worth telling (a torn journal line ignored, say); never secrets */
    SandboxStore(StoreState state, Clock clock, ChangeWriter writer, List<String> notices) {
        this.state = state;
        this.clock = clock;
        this.writer = writer;
        this.notices = List.copyOf(notices);
    }

    public Organization organization() {
        synchronized (stateLock) {
            return state.organization();
        }
    }

    /** Plain-words notes from loading the data file, for the start-up banner. */
    public List<String> notices() {
        return notices;
    }

    public List<Project> projects() {
        synchronized (stateLock) {
            return state.projects();
        }
    }

    public Optional<Project> project(String projectId) {
        synchronized (stateLock) {
            return Optional.ofNullable(state.project(projectId));
        }
    }

    /** The project's keys, masked, oldest first. */
    public List<ApiKey> keys(String projectId) {
        List<ApiKey> keys;
        synchronized (stateLock) {
            keys = state.keys(projectId);
        }
        if (keys == null) {
            throw ApiError.projectNotFound();
        }
        return keys.stream().map(ApiKey::masked).toList();
    }

    /** One key, masked; empty when the project or key does not exist or the key belongs to another project. */
    public Optional<ApiKey> key(String projectId, long keyId) {
        synchronized (stateLock) {
            return Optional.ofNullable(state.key(projectId, keyId)).map(ApiKey::masked);
        }
    }

    /** The organisation's own keys, masked, by id: the one the sandbox was started with among them. */
    public List<ApiKey> orgKeys() {
        synchronized (stateLock) {
            return state.orgKeys().stream().map(ApiKey::masked).toList();
        }
    }

    /** One organisation key, masked; empty when there is none with this id. */
    public Optional<ApiKey> orgKey(long keyId) {
        synchronized (stateLock) {
            return Optional.ofNullable(state.orgKey(keyId)).map(ApiKey::masked);
        }
    }

    /** Test hook: the raw value of a live key of either kind, to authenticate with it. */
    public String rawValue(long keyId) {
        synchronized (stateLock) {
            ApiKey orgKey = state.orgKey(keyId);
            if (orgKey != null) {
                return orgKey.value();
            }
            try {
                return state.existingKey(keyId).value();
            } catch (IllegalStateException e) {
                throw new NoSuchElementException("no API key with id " + keyId);
            }
        }
    }

    /** Renames the organisation; the name is checked already. */
    public Organization renameOrganization(String name) {
        Objects.requireNonNull(name, "name");
        synchronized (writeLock) {
            commit(new Change.OrganizationRenamed(name.strip()));
            return state.organization();
        }
    }

    /** Creates a project with its default key; the key comes back with its raw value. */
    public CreatedProject createProject(String name, String description) {
        Objects.requireNonNull(name, "name");
        synchronized (writeLock) {
            String stripped = name.strip();
            requireUniqueName(stripped, null);
            Instant now = now();
            Project project = new Project(newProjectId(), stripped, description, state.organization().id(), now, null);
            ApiKey key = newKey(DEFAULT_KEY_NAME, now, Identifiers::projectKeyValue);
            commit(new Change.ProjectCreated(project, key));
            return new CreatedProject(project, key);
        }
    }

    public Project updateProject(String projectId, ProjectPatch patch) {
        synchronized (writeLock) {
            Project old = existingProject(projectId);
            String name = old.name();
            if (patch.name() != null) {
                name = patch.name().strip();
                requireUniqueName(name, projectId);
            }
            String description = patch.changesDescription() ? patch.description() : old.description();
            Project updated = new Project(old.id(), name, description, old.organizationId(), old.createdAt(),
                    old.governancePolicy());
            commit(new Change.ProjectUpdated(updated));
            return updated;
        }
    }

    /** Deletes the project and all its keys; their values stop authenticating at once. */
    public void deleteProject(String projectId) {
        synchronized (writeLock) {
            existingProject(projectId);
            commit(new Change.ProjectDeleted(projectId));
        }
    }

    /** Mints a key; the answer carries its raw value, the only time it is shown. */
    public ApiKey createKey(String projectId, String name) {
        Objects.requireNonNull(name, "name");
        synchronized (writeLock) {
            existingProject(projectId);
            ApiKey key = newKey(name, now(), Identifiers::projectKeyValue);
            commit(new Change.KeyCreated(projectId, key));
            return key;
        }
    }

    public ApiKey setKeyValid(String projectId, long keyId, boolean valid) {
        synchronized (writeLock) {
            ApiKey old = existingKey(projectId, keyId);
            if (old.valid() == valid) {
                return old.masked();
            }
            commit(new Change.KeyValiditySet(keyId, valid));
            return old.withValid(valid).masked();
        }
    }

    public void deleteKey(String projectId, long keyId) {
        synchronized (writeLock) {
            existingKey(projectId, keyId);
            commit(new Change.KeyDeleted(keyId));
        }
    }

    /** Mints an organisation key; the answer carries its raw value, the only time it is shown. */
    public ApiKey createOrgKey(String name) {
        Objects.requireNonNull(name, "name");
        synchronized (writeLock) {
            ApiKey key = newKey(name, now(), Identifiers::orgKeyValue);
            commit(new Change.OrgKeyCreated(key));
            return key;
        }
    }

    public ApiKey setOrgKeyValid(long keyId, boolean valid) {
        synchronized (writeLock) {
            ApiKey old = existingOrgKey(keyId);
            if (old.valid() == valid) {
                return old.masked();
            }
            commitOrgKeyChange(keyId, new Change.OrgKeyValiditySet(keyId, valid));
            return old.withValid(valid).masked();
        }
    }

    /** Revokes an organisation key for good; its value stops authenticating at once. */
    public void deleteOrgKey(long keyId) {
        synchronized (writeLock) {
            existingOrgKey(keyId);
            commitOrgKeyChange(keyId, new Change.OrgKeyDeleted(keyId));
        }
    }

    /**
     * Authenticates a management call: true for an active organisation key, whose {@code lastUsed} becomes
     * now; false for a deactivated, revoked, expired or unknown value, an outgoing value past its rotation, and
     * for a project key. See {@link KeyAdmission}.
     */
    public boolean useOrgKey(String rawValue) {
        return admission.admitOrgKey(rawValue).isPresent();
    }

    /**
     * Authenticates a data-plane call made with a project key: an active key's {@code lastUsed} becomes now
     * and its project is returned; a value refused as by {@link #useOrgKey} gives empty. Recording the use is
     * best effort: when it cannot be saved the call is still answered and a warning is logged.
     */
    public Optional<Project> useProjectKey(String rawValue) {
        return admission.admitProjectKey(rawValue).map(KeyAdmission.Admission::project);
    }

    /** Authentication with expiry and rotation, for the endpoints that tell an outgoing value when it stops. */
    KeyAdmission admission() {
        return admission;
    }

    /** Raw values of the keys that would authenticate now (for the traffic simulator). */
    List<String> activeKeyValues() {
        synchronized (stateLock) {
            return state.activeKeyValues();
        }
    }

    SandboxData snapshot() {
        synchronized (stateLock) {
            return state.toData();
        }
    }

    /** Closes the writer: with a data file, later changes fail as unsaved. */
    @Override
    public void close() {
        synchronized (writeLock) {
            writer.close();
        }
    }

    /** Durable first, then memory; a failed write leaves both as they were. Caller holds the write lock. */
    void commit(Change change) {
        try {
            writer.write(change);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Could not save a change (" + change.kind() + "); it was not made", e);
            throw new ApiError(500, NOT_SAVED);
        }
        apply(change);
    }

    /** The key the sandbox was started with lives in memory only: its changes are applied, never written. */
    void commitOrgKeyChange(long keyId, Change change) {
        if (state.isAdminKey(keyId)) {
            apply(change);
        } else {
            commit(change);
        }
    }

    void apply(Change change) {
        synchronized (stateLock) {
            change.applyTo(state);
        }
        writer.written(this::snapshot);
    }

    // The lookups below run under the write lock only: no other thread can change the state meanwhile.

    Project existingProject(String projectId) {
        Project project = state.project(projectId);
        if (project == null) {
            throw ApiError.projectNotFound();
        }
        return project;
    }

    ApiKey existingKey(String projectId, long keyId) {
        existingProject(projectId);
        ApiKey key = state.key(projectId, keyId);
        if (key == null) {
            throw ApiError.keyNotFound();
        }
        return key;
    }

    /** Under the state lock too: the use of the key the sandbox was started with moves its lastUsed without the write lock. */
    ApiKey existingOrgKey(long keyId) {
        synchronized (stateLock) {
            return Optional.ofNullable(state.orgKey(keyId)).orElseThrow(ApiError::keyNotFound);
        }
    }

    private void requireUniqueName(String name, String exceptProjectId) {
        String wanted = ProjectNames.normalised(name);
        for (Project project : state.projects()) {
            if (!project.id().equals(exceptProjectId) && ProjectNames.normalised(project.name()).equals(wanted)) {
                throw ApiError.conflict("A project named \"" + name + "\" already exists");
            }
        }
    }

    private String newProjectId() {
        String id;
        do {
            id = Identifiers.cuid(Identifiers.SECURE);
        } while (state.project(id) != null);
        return id;
    }

    /** A key not yet in the state: the id is taken for good only once the change that adds it is applied. */
    private ApiKey newKey(String name, Instant createdAt, Function<Random, String> values) {
        String value;
        do {
            value = values.apply(Identifiers.SECURE);
        } while (state.hasValueDigest(ValueDigest.of(value)));
        return new ApiKey(state.nextKeyId(), name, true, value, createdAt, null);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
