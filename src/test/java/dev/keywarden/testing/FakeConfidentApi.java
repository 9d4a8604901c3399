package dev.keywarden.testing;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.KeyLifecycleApi;
import dev.keywarden.api.KeyWarning;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.CreatedProject;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;
import dev.keywarden.model.ProjectChanges;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** An in-memory organisation for view-model tests, counting calls, with failures on demand. */
public final class FakeConfidentApi implements ConfidentApi {
    public static final Instant T0 = Instant.parse("2024-12-04T23:00:00.000Z");

    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final Map<String, List<ApiKey>> keys = new LinkedHashMap<>();
    private final List<ApiKey> organizationKeys = new ArrayList<>();
    private final AtomicInteger toggles = new AtomicInteger();
    private final AtomicInteger organizationKeyToggles = new AtomicInteger();
    private final AtomicInteger organizationCalls = new AtomicInteger();
    private volatile boolean closed;
    private String organizationName = "Acme Inc.";
    private ApiException nextFailure;
    private final java.util.Map<Long, ApiException> readFailures = new java.util.HashMap<>();
    private volatile ApiException nextOrganizationFailure;
    private volatile ApiException everyFailure;
    private volatile Runnable onListApiKeys = () -> { };
    private volatile Runnable onListOrganizationApiKeys = () -> { };
    private volatile LongConsumer onChange = keyId -> { };
    private final Map<Long, ChangeFault> changeFaults = new ConcurrentHashMap<>();
    private long nextKeyId = 1;

    private record ChangeFault(ApiException failure, boolean appliedFirst, int times) {
    }

    public FakeConfidentApi withProject(String id, String name, boolean... keyStates) {
        projects.put(id, new Project(id, name, null, "org", T0, null));
        List<ApiKey> list = new ArrayList<>();
        for (boolean valid : keyStates) {
            long keyId = nextKeyId++;
            list.add(new ApiKey(keyId, "key " + keyId, valid, ApiKey.mask("confident_us_proj_0000000000000000000000000000" + (1000 + keyId)),
                    T0, null));
        }
        keys.put(id, list);
        return this;
    }

    /** Runs at each key listing, outside the fake's lock, e.g. to slow it down or make it fail. */
    public FakeConfidentApi onListApiKeys(Runnable hook) {
        this.onListApiKeys = hook;
        return this;
    }

    /** Runs at each organisation-key listing, outside the fake's lock, e.g. to make it fail. */
    public FakeConfidentApi onListOrganizationApiKeys(Runnable hook) {
        this.onListOrganizationApiKeys = hook;
        return this;
    }

    /** Runs before each change of a key (set valid, revoke; project or organisation), outside the fake's lock, with the key's id. */
    public FakeConfidentApi onChange(LongConsumer hook) {
        this.onChange = hook;
        return this;
    }

    /**
     * The next {@code times} changes of key {@code keyId} (set valid, revoke) fail with {@code failure};
     * when {@code appliedFirst}, the change is made before the failure is thrown, as when the answer is lost.
     */
    public FakeConfidentApi failChangesOf(long keyId, ApiException failure, boolean appliedFirst, int times) {
        changeFaults.put(keyId, new ChangeFault(failure, appliedFirst, times));
        return this;
    }

    private ChangeFault takeChangeFault(long keyId) {
        ChangeFault fault = changeFaults.get(keyId);
        if (fault == null) {
            return null;
        }
        if (fault.times() <= 1) {
            changeFaults.remove(keyId);
        } else {
            changeFaults.put(keyId, new ChangeFault(fault.failure(), fault.appliedFirst(), fault.times() - 1));
        }
        if (!fault.appliedFirst()) {
            throw fault.failure();
        }
        return fault;
    }

    private static <T> T afterFault(ChangeFault fault, T answer) {
        if (fault != null) {
            throw fault.failure();
        }
        return answer;
    }

    /** Every call fails with this from now on, e.g. a key the server refuses. */
    public void failAll(ApiException failure) {
        this.everyFailure = failure;
    }

    /** Adds an organisation key, masked as the server lists it, whose raw value ends in {@code suffix} (6 characters). */
    public synchronized FakeConfidentApi withOrganizationKey(String name, boolean valid, String suffix) {
        long keyId = nextKeyId++;
        organizationKeys.add(new ApiKey(keyId, name, valid, ApiKey.mask("confident_us_org_00000000000000000000000000" + suffix), T0, null));
        return this;
    }

    public synchronized ApiKey organizationKey(long keyId) {
        return organizationKeys.stream().filter(k -> k.id() == keyId).findFirst().orElseThrow();
    }

    /** Sets the last use of key {@code keyId}, project or organisation, as the server would after a call with it. */
    public synchronized FakeConfidentApi setLastUsed(long keyId, Instant lastUsed) {
        for (List<ApiKey> list : keys.values()) {
            list.replaceAll(k -> k.id() == keyId ? k.withLastUsed(lastUsed) : k);
        }
        organizationKeys.replaceAll(k -> k.id() == keyId ? k.withLastUsed(lastUsed) : k);
        return this;
    }

    public int organizationKeyToggleCalls() {
        return organizationKeyToggles.get();
    }

    /**
     * The next {@code organization()} call fails with this. Unlike {@link #failNext}, it cannot be taken by
     * another call the organisation loader makes at the same time (the project and organisation-key lists).
     */
    public void failNextOrganization(ApiException failure) {
        this.nextOrganizationFailure = failure;
    }

    public void failNext(ApiException failure) {
        this.nextFailure = failure;
    }

    /**
     * The next read of key {@code keyId} alone ({@code GET} of that one key, project or organisation) fails with
     * this: unlike {@link #failNext}, it cannot be taken by the read of another key made at the same time.
     */
    public synchronized void failNextReadOf(long keyId, ApiException failure) {
        readFailures.put(keyId, failure);
    }

    private void maybeFailRead(long keyId) {
        maybeFail();
        ApiException failure = readFailures.remove(keyId);
        if (failure != null) {
            throw failure;
        }
    }

    /** How many times {@code GET /v1/organization} was asked: once per load of the organisation. */
    public int organizationCalls() {
        return organizationCalls.get();
    }

    /** Whether the gateway was closed (a connection left, or the window closed). */
    public boolean isClosed() {
        return closed;
    }

    public int toggleCalls() {
        return toggles.get();
    }

    public ApiKey key(String projectId, long keyId) {
        return keys.get(projectId).stream().filter(k -> k.id() == keyId).findFirst().orElseThrow();
    }

    private void maybeFail() {
        if (everyFailure != null) {
            throw everyFailure;
        }
        ApiException failure = nextFailure;
        nextFailure = null;
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public synchronized Organization organization() {
        organizationCalls.incrementAndGet();
        ApiException organizationFailure = nextOrganizationFailure;
        nextOrganizationFailure = null;
        if (organizationFailure != null) {
            throw organizationFailure;
        }
        maybeFail();
        return new Organization("org", organizationName, "PREMIUM", T0);
    }

    @Override
    public synchronized List<Project> listProjects() {
        maybeFail();
        return List.copyOf(projects.values());
    }

    @Override
    public synchronized CreatedProject createProject(NewProject project) {
        maybeFail();
        String id = "p" + (projects.size() + 1);
        withProject(id, project.name(), true);
        return new CreatedProject(projects.get(id), keys.get(id).get(0));
    }

    @Override
    public synchronized Project getProject(String projectId) {
        maybeFail();
        return projects.get(projectId);
    }

    @Override
    public synchronized Project updateProject(String projectId, ProjectChanges changes) {
        maybeFail();
        Project old = projects.get(projectId);
        Project updated = new Project(projectId, changes.name() == null ? old.name() : changes.name(),
                changes.description() == null ? old.description() : changes.description(), old.organizationId(), old.createdAt(), null);
        projects.put(projectId, updated);
        return updated;
    }

    @Override
    public synchronized void deleteProject(String projectId) {
        maybeFail();
        projects.remove(projectId);
        keys.remove(projectId);
    }

    @Override
    public List<ApiKey> listApiKeys(String projectId) {
        onListApiKeys.run();
        synchronized (this) {
            maybeFail();
            return List.copyOf(keys.get(projectId));
        }
    }

    @Override
    public synchronized ApiKey getApiKey(String projectId, long apiKeyId) {
        maybeFailRead(apiKeyId);
        return keys.getOrDefault(projectId, List.of()).stream().filter(k -> k.id() == apiKeyId).findFirst()
                .orElseThrow(() -> new NotFoundException("API key not found", "GET", "/v1/projects/" + projectId + "/api-keys/" + apiKeyId));
    }

    @Override
    public synchronized ApiKey createApiKey(String projectId, String name) {
        maybeFail();
        long keyId = nextKeyId++;
        ApiKey created = new ApiKey(keyId, name, true, "confident_us_proj_" + realShapedBody(keyId), T0, null);
        keys.get(projectId).add(created.masked());
        return created;
    }

    @Override
    public ApiKey setApiKeyValid(String projectId, long apiKeyId, boolean valid) {
        onChange.accept(apiKeyId);
        synchronized (this) {
            toggles.incrementAndGet();
            maybeFail();
            ChangeFault fault = takeChangeFault(apiKeyId);
            List<ApiKey> list = keys.get(projectId);
            for (int i = 0; i < list.size(); i++) {
                ApiKey k = list.get(i);
                if (k.id() == apiKeyId) {
                    ApiKey updated = k.withValid(valid);
                    list.set(i, updated);
                    return afterFault(fault, updated);
                }
            }
            throw new NotFoundException("API key not found", "PUT", "/v1/projects/" + projectId + "/api-keys/" + apiKeyId);
        }
    }

    @Override
    public void revokeApiKey(String projectId, long apiKeyId) {
        onChange.accept(apiKeyId);
        synchronized (this) {
            maybeFail();
            ChangeFault fault = takeChangeFault(apiKeyId);
            if (!keys.get(projectId).removeIf(k -> k.id() == apiKeyId)) {
                throw new NotFoundException("API key not found", "DELETE", "/v1/projects/" + projectId + "/api-keys/" + apiKeyId);
            }
            afterFault(fault, null);
        }
    }

    @Override
    public synchronized Organization renameOrganization(String name) {
        maybeFail();
        organizationName = name;
        return organization();
    }

    @Override
    public List<ApiKey> listOrganizationApiKeys() {
        onListOrganizationApiKeys.run();
        synchronized (this) {
            maybeFail();
            return List.copyOf(organizationKeys);
        }
    }

    @Override
    public synchronized ApiKey getOrganizationApiKey(long apiKeyId) {
        maybeFailRead(apiKeyId);
        return organizationKeys.stream().filter(k -> k.id() == apiKeyId).findFirst()
                .orElseThrow(() -> organizationKeyNotFound("GET", apiKeyId));
    }

    /** The raw value is {@code confident_us_org_} + 44 characters of base64, as the server issues them, and is returned only here. */
    @Override
    public synchronized ApiKey createOrganizationApiKey(String name) {
        maybeFail();
        long keyId = nextKeyId++;
        ApiKey created = new ApiKey(keyId, name, true, "confident_us_org_" + realShapedBody(keyId), T0, null);
        organizationKeys.add(created.masked());
        return created;
    }

    @Override
    public ApiKey setOrganizationApiKeyValid(long apiKeyId, boolean valid) {
        onChange.accept(apiKeyId);
        synchronized (this) {
            organizationKeyToggles.incrementAndGet();
            maybeFail();
            ChangeFault fault = takeChangeFault(apiKeyId);
            for (int i = 0; i < organizationKeys.size(); i++) {
                ApiKey k = organizationKeys.get(i);
                if (k.id() == apiKeyId) {
                    ApiKey updated = k.withValid(valid);
                    organizationKeys.set(i, updated);
                    return afterFault(fault, updated);
                }
            }
            throw organizationKeyNotFound("PUT", apiKeyId);
        }
    }

    @Override
    public void revokeOrganizationApiKey(long apiKeyId) {
        onChange.accept(apiKeyId);
        synchronized (this) {
            maybeFail();
            ChangeFault fault = takeChangeFault(apiKeyId);
            if (!organizationKeys.removeIf(k -> k.id() == apiKeyId)) {
                throw organizationKeyNotFound("DELETE", apiKeyId);
            }
            afterFault(fault, null);
        }
    }

    private static NotFoundException organizationKeyNotFound(String method, long apiKeyId) {
        return new NotFoundException("API key not found", method, "/v1/organization/api-keys/" + apiKeyId);
    }

    // ---- v2 key lifecycle (expiry, rotation): off unless withKeyLifecycle(); see FakeKeyLifecycle ----

    private volatile FakeKeyLifecycle keyLifecycle;
    private final AtomicInteger keyLifecycleProbes = new AtomicInteger();
    private volatile KeyWarning keyWarning;
    private final List<Consumer<KeyWarning>> keyWarningListeners = new CopyOnWriteArrayList<>();

    /**
     * Makes this a server that offers the v2 key lifecycle, its clock at {@link #T0} until
     * {@link FakeKeyLifecycle#setNow} moves it. The v1 methods above return keys as stored, lifecycle fields included.
     */
    public FakeConfidentApi withKeyLifecycle() {
        keyLifecycle = new FakeKeyLifecycle(this);
        return this;
    }

    /** The v2 side, for a test to arrange keys or move the clock; null without {@link #withKeyLifecycle()}. */
    public FakeKeyLifecycle lifecycle() {
        return keyLifecycle;
    }

    /** How many times a caller asked whether the server offers v2 (a real gateway asks the server only once). */
    public int keyLifecycleProbes() {
        return keyLifecycleProbes.get();
    }

    @Override
    public Optional<KeyLifecycleApi> keyLifecycle() {
        // As a real gateway's kept answer: asked once, then free, so it never takes a failure arranged for a call.
        keyLifecycleProbes.incrementAndGet();
        return Optional.ofNullable(keyLifecycle);
    }

    /** As when an answer carries {@code Sunset} / {@code X-Api-Key-Warning} (null: an answer without them); listeners hear it. */
    public void answerWithKeyWarning(KeyWarning warning) {
        keyWarning = warning;
        if (warning != null) {
            keyWarningListeners.forEach(listener -> listener.accept(warning));
        }
    }

    @Override
    public Optional<KeyWarning> keyWarning() {
        return Optional.ofNullable(keyWarning);
    }

    @Override
    public void addKeyWarningListener(Consumer<KeyWarning> listener) {
        keyWarningListeners.add(listener);
    }

    /** For FakeKeyLifecycle, holding this fake's lock: a project's stored keys, null for an unknown project. */
    List<ApiKey> storedKeys(String projectId) {
        return keys.get(projectId);
    }

    /** For FakeKeyLifecycle, holding this fake's lock: every project's stored keys. */
    java.util.Collection<List<ApiKey>> storedProjectKeys() {
        return keys.values();
    }

    /** For FakeKeyLifecycle, holding this fake's lock. */
    List<ApiKey> storedOrganizationKeys() {
        return organizationKeys;
    }

    /** For FakeKeyLifecycle, holding this fake's lock. */
    long takeKeyId() {
        return nextKeyId++;
    }

    /** For FakeKeyLifecycle, outside this fake's lock: the onChange hook. */
    void beforeChange(long keyId) {
        onChange.accept(keyId);
    }

    /**
     * For FakeKeyLifecycle, holding this fake's lock: throws what failNext and failAll arranged, and what
     * failChangesOf arranged for {@code changedKeyId} (-1 for a read) unless it is to be thrown after the change
     * is made; that is returned, to run once the change is applied.
     */
    Runnable takeArrangedFailures(long changedKeyId) {
        maybeFail();
        ChangeFault fault = changedKeyId < 0 ? null : takeChangeFault(changedKeyId);
        return fault == null ? () -> { } : () -> {
            throw fault.failure();
        };
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:1";
    }

    @Override
    public void close() {
        closed = true;
    }

    /** 32 bytes in standard base64 (44 characters ending in {@code =}), the same for the same id. */
    private static String realShapedBody(long keyId) {
        byte[] bytes = new byte[32];
        new java.util.Random(keyId * 7919).nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }
}
