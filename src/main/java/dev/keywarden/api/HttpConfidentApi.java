package dev.keywarden.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.CreatedProject;
import dev.keywarden.model.Json;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;
import dev.keywarden.model.ProjectChanges;
import okhttp3.HttpUrl;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * {@link ConfidentApi} over HTTP with OkHttp and Jackson. One instance per connection; it holds a
 * connection pool and threads, so {@link #close()} it when done. Thread-safe.
 *
 * <p>Every call has one deadline ({@link ConnectionConfig#deadline()}, 15 s by default) shared by
 * its attempts and the waits between them; when it passes, the call ends in
 * {@link DeadlineExceededException}. GET, PUT and DELETE are retried on network failures and on
 * 429/502/503/504, at most {@link ConnectionConfig#maxAttempts()} attempts in all; POST never is. Redirects are not
 * followed, since they would carry the organisation key to wherever they point.
 *
 * <p>The v2 key lifecycle ({@link #keyLifecycle()}) is asked about once and kept, until a call finds the server
 * unreachable; every answer's {@code Sunset} / {@code X-Api-Key-Warning} headers feed {@link #keyWarning()}.
 */
public final class HttpConfidentApi implements ConfidentApi {
    private static final String GET = "GET";
    private static final String POST = "POST";
    private static final String PUT = "PUT";
    private static final String DELETE = "DELETE";

    private final String baseUrl;
    private final HttpUrl base;
    private final ObjectMapper mapper = Json.newMapper();
    private final ApiTransport transport;
    private final KeyLifecycleProbe keyLifecycleProbe = new KeyLifecycleProbe();
    private final KeyLifecycleApi lifecycleCalls;
    private final KeyWarnings keyWarnings;

    public HttpConfidentApi(ConnectionConfig config) {
        this(config, Sleeper.REAL, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** For tests: waits, the time {@code Retry-After} dates are measured from, and the jitter's randomness. */
    HttpConfidentApi(ConnectionConfig config, Sleeper sleeper, Clock clock, DoubleSupplier random) {
        this.baseUrl = config.baseUrl();
        this.base = HttpUrl.get(config.baseUrl());
        Duration retryAfterCap = Objects.requireNonNullElse(config.retryAfterCap(), ConnectionConfig.DEFAULT_RETRY_AFTER_CAP);
        this.transport = new ApiTransport(
                HttpClients.create(
                        Objects.requireNonNullElse(config.connectTimeout(), ConnectionConfig.DEFAULT_CONNECT_TIMEOUT),
                        Objects.requireNonNullElse(config.callTimeout(), ConnectionConfig.DEFAULT_CALL_TIMEOUT),
                        !base.isHttps()),
                config.orgKey(), mapper, new RetryPolicy(config.maxAttempts(), retryAfterCap, random), sleeper, clock,
                config.deadline());
        this.keyWarnings = new KeyWarnings(config.orgKey());
        transport.observeAnswerHeaders(keyWarnings::observe);
        this.lifecycleCalls = new HttpKeyLifecycleApi(this::call, base);
    }

    @Override
    public Organization organization() {
        return call(GET, url("v1", "organization"), null).required("organization", Organization.class);
    }

    @Override
    public List<Project> listProjects() {
        return call(GET, url("v1", "projects"), null).requiredList("projects", Project.class);
    }

    @Override
    public CreatedProject createProject(NewProject project) {
        Objects.requireNonNull(project, "project");
        ResponseDecoder answer = call(POST, url("v1", "projects"), WireBodies.newProject(project));
        return new CreatedProject(answer.required("project", Project.class), answer.optional("apiKey", ApiKey.class));
    }

    @Override
    public Project getProject(String projectId) {
        return call(GET, projectUrl(projectId), null).required("project", Project.class);
    }

    /** With no changes the server is not asked to change anything: the project is read instead. */
    @Override
    public Project updateProject(String projectId, ProjectChanges changes) {
        Objects.requireNonNull(changes, "changes");
        if (changes.isEmpty()) {
            return getProject(projectId);
        }
        return call(PUT, projectUrl(projectId), WireBodies.projectChanges(changes)).required("project", Project.class);
    }

    @Override
    public void deleteProject(String projectId) {
        call(DELETE, projectUrl(projectId), null).confirmDeleted(projectId);
    }

    @Override
    public List<ApiKey> listApiKeys(String projectId) {
        return call(GET, apiKeysUrl(projectId), null).requiredList("apiKeys", ApiKey.class);
    }

    @Override
    public ApiKey getApiKey(String projectId, long apiKeyId) {
        return call(GET, apiKeyUrl(projectId, apiKeyId), null).required("apiKey", ApiKey.class);
    }

    @Override
    public ApiKey createApiKey(String projectId, String name) {
        requireName(name, "a key");
        return call(POST, apiKeysUrl(projectId), WireBodies.name(name)).required("apiKey", ApiKey.class);
    }

    @Override
    public ApiKey setApiKeyValid(String projectId, long apiKeyId, boolean valid) {
        return call(PUT, apiKeyUrl(projectId, apiKeyId), WireBodies.apiKeyValidity(valid)).required("apiKey", ApiKey.class);
    }

    @Override
    public void revokeApiKey(String projectId, long apiKeyId) {
        call(DELETE, apiKeyUrl(projectId, apiKeyId), null).confirmDeleted(Long.toString(apiKeyId));
    }

    @Override
    public Organization renameOrganization(String name) {
        requireName(name, "the organisation");
        return call(PUT, url("v1", "organization"), WireBodies.name(name)).required("organization", Organization.class);
    }

    @Override
    public List<ApiKey> listOrganizationApiKeys() {
        return call(GET, orgKeysUrl(), null).requiredList("apiKeys", ApiKey.class);
    }

    @Override
    public ApiKey getOrganizationApiKey(long apiKeyId) {
        return call(GET, orgKeyUrl(apiKeyId), null).required("apiKey", ApiKey.class);
    }

    @Override
    public ApiKey createOrganizationApiKey(String name) {
        requireName(name, "a key");
        return call(POST, orgKeysUrl(), WireBodies.name(name)).required("apiKey", ApiKey.class);
    }

    @Override
    public ApiKey setOrganizationApiKeyValid(long apiKeyId, boolean valid) {
        return call(PUT, orgKeyUrl(apiKeyId), WireBodies.apiKeyValidity(valid)).required("apiKey", ApiKey.class);
    }

    @Override
    public void revokeOrganizationApiKey(long apiKeyId) {
        call(DELETE, orgKeyUrl(apiKeyId), null).confirmDeleted(Long.toString(apiKeyId));
    }

    /** Asks {@code GET /v2/organization/api-keys} once per connection; see {@link ConfidentApi#keyLifecycle()}. */
    @Override
    public Optional<KeyLifecycleApi> keyLifecycle() {
        return keyLifecycleProbe.offered(this::serverOffersKeyLifecycle) ? Optional.of(lifecycleCalls) : Optional.empty();
    }

    private boolean serverOffersKeyLifecycle() {
        try {
            call(GET, url("v2", "organization", "api-keys"), null).requiredList("apiKeys", ApiKey.class);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public Optional<KeyWarning> keyWarning() {
        return keyWarnings.latest();
    }

    @Override
    public void addKeyWarningListener(Consumer<KeyWarning> listener) {
        keyWarnings.addListener(listener);
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    /** Stops the worker threads and drops pooled connections; calls still in flight end in {@link CancelledException}. */
    @Override
    public void close() {
        transport.close();
    }

    int callsInFlight() {
        return transport.callsInFlight();
    }

    @Override
    public String toString() {
        return "HttpConfidentApi[" + baseUrl + "]";
    }

    private ResponseDecoder call(String method, HttpUrl url, JsonNode body) {
        RawResponse response;
        try {
            response = transport.send(method, url, body);
        } catch (NetworkException e) {
            keyLifecycleProbe.forget(); // the server may come back as another version
            throw e;
        }
        try {
            return ResponseDecoder.open(response, mapper, transport.key(), method, transport.shownPath(url));
        } catch (ProtocolException e) {
            e.origin(url.host() + ":" + url.port());
            throw e;
        }
    }

    private HttpUrl projectUrl(String projectId) {
        return url("v1", "projects", checkedId(projectId));
    }

    private HttpUrl apiKeysUrl(String projectId) {
        return url("v1", "projects", checkedId(projectId), "api-keys");
    }

    private HttpUrl apiKeyUrl(String projectId, long apiKeyId) {
        return url("v1", "projects", checkedId(projectId), "api-keys", Long.toString(apiKeyId));
    }

    private HttpUrl orgKeysUrl() {
        return url("v1", "organization", "api-keys");
    }

    private HttpUrl orgKeyUrl(long apiKeyId) {
        return url("v1", "organization", "api-keys", Long.toString(apiKeyId));
    }

    private static void requireName(String name, String whose) {
        if (name == null) {
            throw new IllegalArgumentException(whose + " needs a name");
        }
    }

    /** Segments are percent-encoded one by one, so an id holding {@code /} or {@code ?} stays one segment. */
    private HttpUrl url(String... segments) {
        HttpUrl.Builder builder = base.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder.build();
    }

    /** An empty id would address the list, and OkHttp resolves "." and ".." instead of encoding them. */
    static String checkedId(String projectId) {
        if (projectId == null || projectId.isEmpty() || projectId.equals(".") || projectId.equals("..")) {
            throw new IllegalArgumentException("not a project id: " + (projectId == null ? "null" : "\"" + projectId + "\""));
        }
        return projectId;
    }
}
