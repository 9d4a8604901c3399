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
import java.util.function.Supplier;

/**
 * The organisation, safe for many threads. A change is checked, then made durable by the
 * {@link ChangeWriter}, and only then shown to reads, so an answer is always the truth: when the write
 * fails the request answers 500 and nothing changed, in memory or on disk. Changes are checked and written
 * one at a time under one write lock (so the file order is the answer order) against the accepted state,
 * which holds the changes written but not yet saved; changes written together are saved by one sync
 * ({@link GroupCommit}), the write lock free meanwhile. Reads take only a short state lock and never wait
 * for a disk (recording a key's use is a change). Keys are held with raw values and masked on the way out,
 * except when just created. Its companions {@link KeyAdmission} (authentication with expiry and rotation) and
 * {@link KeyLifecycle} (the v2 key lifecycle) follow the same rules through {@link #change}, {@link #recordUse}
 * and {@link #accepted()}.
 */
public final class SandboxStore implements AutoCloseable {

    static final String DEFAULT_KEY_NAME = "Default Key";
    static final String NOT_SAVED = "The change could not be saved, so it was not made";

    private static final System.Logger LOG = System.getLogger(SandboxStore.class.getName());

    private final Object writeLock = new Object();
    // Package-private for the companions that read as reads do: KeyAdmission and KeyLifecycle.
    final Object stateLock = new Object();
    private final Clock clock;
    private final ChangeWriter writer;
    private final GroupCommit commits;
    /** What reads see: every change saved. Guarded by the state lock. */
    final StoreState state;
    /** What changes are checked against: {@link #state} and the changes written but not yet saved (in memory,
     *  the same object). Guarded by the write lock. */
    private StoreState accepted;
    private final List<String> notices;
    private final KeyAdmission admission = new KeyAdmission(this);

    SandboxStore(SandboxData data, Clock clock, ChangeWriter writer) {
        this(new StoreState(data), clock, writer, List.of());
    }

    /** @param notices what the start found worth telling (a torn journal line ignored, say); never secrets */
    SandboxStore(StoreState state, Clock clock, ChangeWriter writer, List<String> notices) {
        this.state = state;
        this.accepted = writer.durable() ? state.copy() : state;
        this.clock = clock;
        this.writer = writer;
        this.commits = new GroupCommit(writeLock, writer, new GroupCommit.States() {
            @Override
            public void accept(Change change) {
                if (accepted != state) {
                    change.applyTo(accepted);
                }
            }

            @Override
            public void show(Change change) {
                apply(change);
            }

            @Override
            public void forgetUnsaved() {
                synchronized (stateLock) {
                    accepted = state.copy();
                }
            }
        }, this::snapshot);
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
        change(() -> new Checked<>(new Change.OrganizationRenamed(name.strip()), null));
        synchronized (stateLock) {
            return state.organization();
        }
    }

    /** Creates a project with its default key; the key comes back with its raw value. */
    public CreatedProject createProject(String name, String description) {
        Objects.requireNonNull(name, "name");
        return change(() -> {
            String stripped = name.strip();
            accepted.requireUniqueName(stripped, null);
            Instant now = now();
            Project project = new Project(accepted.newProjectId(), stripped, description, accepted.organization().id(), now, null);
            ApiKey key = accepted.newKey(DEFAULT_KEY_NAME, now, Identifiers::projectKeyValue);
            return new Checked<>(new Change.ProjectCreated(project, key), new CreatedProject(project, key));
        });
    }

    public Project updateProject(String projectId, ProjectPatch patch) {
        return change(() -> {
            Project old = accepted.projectOrNotFound(projectId);
            String name = old.name();
            if (patch.name() != null) {
                name = patch.name().strip();
                accepted.requireUniqueName(name, projectId);
            }
            String description = patch.changesDescription() ? patch.description() : old.description();
            Project updated = new Project(old.id(), name, description, old.organizationId(), old.createdAt(),
                    old.governancePolicy());
            return new Checked<>(new Change.ProjectUpdated(updated), updated);
        });
    }

    /** Deletes the project and all its keys; their values stop authenticating at once. */
    public void deleteProject(String projectId) {
        change(() -> {
            accepted.projectOrNotFound(projectId);
            return new Checked<>(new Change.ProjectDeleted(projectId), null);
        });
    }

    /** Mints a key; the answer carries its raw value, the only time it is shown. */
    public ApiKey createKey(String projectId, String name) {
        Objects.requireNonNull(name, "name");
        return change(() -> {
            accepted.projectOrNotFound(projectId);
            ApiKey key = accepted.newKey(name, now(), Identifiers::projectKeyValue);
            return new Checked<>(new Change.KeyCreated(projectId, key), key);
        });
    }

    public ApiKey setKeyValid(String projectId, long keyId, boolean valid) {
        return change(() -> {
            ApiKey old = accepted.keyOrNotFound(projectId, keyId);
            return old.valid() == valid ? new Checked<>(null, old.masked())
                    : new Checked<>(new Change.KeyValiditySet(keyId, valid), old.withValid(valid).masked());
        });
    }

    public void deleteKey(String projectId, long keyId) {
        change(() -> {
            accepted.keyOrNotFound(projectId, keyId);
            return new Checked<>(new Change.KeyDeleted(keyId), null);
        });
    }

    /** Mints an organisation key; the answer carries its raw value, the only time it is shown. */
    public ApiKey createOrgKey(String name) {
        Objects.requireNonNull(name, "name");
        return change(() -> {
            ApiKey key = accepted.newKey(name, now(), Identifiers::orgKeyValue);
            return new Checked<>(new Change.OrgKeyCreated(key), key);
        });
    }

    public ApiKey setOrgKeyValid(long keyId, boolean valid) {
        return change(() -> {
            ApiKey old = existingOrgKey(keyId);
            if (old.valid() == valid) {
                return new Checked<>(null, old.masked());
            }
            return orgKeyChange(keyId, new Change.OrgKeyValiditySet(keyId, valid), old.withValid(valid).masked());
        });
    }

    /** Revokes an organisation key for good; its value stops authenticating at once. */
    public void deleteOrgKey(long keyId) {
        change(() -> {
            existingOrgKey(keyId);
            return orgKeyChange(keyId, new Change.OrgKeyDeleted(keyId), null);
        });
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
            commits.close();
            writer.close();
        }
    }

    /** A change checked under the write lock and what its request answers; no change when there is nothing to do. */
    record Checked<T>(Change change, T answer) {
    }

    /** What changes are checked against; only inside a check given to {@link #change} or {@link #recordUse}. */
    StoreState accepted() {
        return accepted;
    }

    /**
     * Checks and writes a change under the write lock, then waits, without it, until the change is saved
     * and shown: durable first, then memory; a failed write leaves both as they were (500).
     */
    <T> T change(Supplier<Checked<T>> check) {
        return save(check, false);
    }

    /** Best effort: a use that cannot be saved is logged and not applied, and the call is answered all the same. */
    <T> T recordUse(Supplier<Checked<T>> check) {
        return save(check, true);
    }

    private <T> T save(Supplier<Checked<T>> check, boolean bestEffort) {
        Checked<T> checked;
        GroupCommit.Saving saving;
        synchronized (writeLock) {
            checked = check.get();
            if (checked.change() == null) {
                return checked.answer();
            }
            try {
                saving = commits.write(checked.change());
            } catch (IOException | RuntimeException e) {
                return notSaved(checked, e, bestEffort);
            }
        }
        try {
            GroupCommit.awaitSaved(saving);
        } catch (IOException e) {
            return notSaved(checked, e, bestEffort);
        }
        return checked.answer();
    }

    private static <T> T notSaved(Checked<T> checked, Exception e, boolean bestEffort) {
        if (bestEffort) {
            LOG.log(System.Logger.Level.WARNING, "Could not save a key's last use; the call was answered and lastUsed "
                    + "stays as it was", e);
            return checked.answer();
        }
        LOG.log(System.Logger.Level.ERROR, "Could not save a change (" + checked.change().kind() + "); it was not made", e);
        throw new ApiError(500, NOT_SAVED);
    }

    /** The key the sandbox was started with lives in memory only: its changes are applied at once, never written. */
    <T> Checked<T> orgKeyChange(long keyId, Change change, T answer) {
        if (!state.isAdminKey(keyId)) {
            return new Checked<>(change, answer);
        }
        if (accepted != state) {
            change.applyTo(accepted);
        }
        apply(change);
        return new Checked<>(null, answer);
    }

    private void apply(Change change) {
        synchronized (stateLock) {
            change.applyTo(state);
        }
    }

    /** The key the sandbox was started with is read as reads see it: its use moves its lastUsed there alone. */
    ApiKey existingOrgKey(long keyId) {
        ApiKey key = accepted.orgKeyOrNotFound(keyId);
        synchronized (stateLock) {
            return state.isAdminKey(keyId) ? state.orgKey(keyId) : key;
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
