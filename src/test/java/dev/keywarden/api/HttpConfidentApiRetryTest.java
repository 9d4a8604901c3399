package dev.keywarden.api;

import dev.keywarden.model.NewProject;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static dev.keywarden.api.NoSecrets.failure;
import static dev.keywarden.api.TestApis.error;
import static dev.keywarden.api.TestApis.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are tried again, how often, and how long the gateway waits in between. */
class HttpConfidentApiRetryTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    private HttpConfidentApi api() {
        return TestApis.api(server, sleeper);
    }

    @Test
    void getIsRetriedAfter503AndThenSucceeds() {
        server.enqueue(error(503, "Maintenance"));
        server.enqueue(fixture("organization.json"));

        try (HttpConfidentApi api = api()) {
            assertThat(api.organization().name()).isEqualTo("Acme Inc.");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void putIsRetriedAfter502() {
        server.enqueue(error(502, "Bad gateway"));
        server.enqueue(fixture("api-key-deactivated.json"));

        try (HttpConfidentApi api = api()) {
            assertThat(api.setApiKeyValid("P", 34, false).valid()).isFalse();
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void deleteIsRetriedAfter504AndAfterADroppedConnection() {
        server.enqueue(error(504, "Gateway timeout"));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(fixture("api-key-deleted.json"));

        try (HttpConfidentApi api = api()) {
            api.revokeApiKey("P", 34);
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void postIsNeverRetried() {
        server.enqueue(error(503, "Maintenance"));
        server.enqueue(fixture("project-created.json"));

        try (HttpConfidentApi api = api()) {
            failure(UnavailableException.class, () -> api.createProject(NewProject.named("New Project")));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void postIsNotRetriedAfterADroppedConnection() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(fixture("api-key-created.json"));

        try (HttpConfidentApi api = api()) {
            failure(NetworkException.class, () -> api.createApiKey("P", "k"));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 500})
    void otherFailuresAreNotRetried(int status) {
        server.enqueue(error(status, "No"));
        server.enqueue(fixture("organization.json"));

        try (HttpConfidentApi api = api()) {
            failure(ApiException.class, api::organization);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void atMostThreeAttemptsWithGrowingBackoff() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(error(503, "Maintenance"));
        }

        try (HttpConfidentApi api = api()) {
            UnavailableException failure = failure(UnavailableException.class, api::listProjects);
            assertThat(failure.status()).isEqualTo(503);
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void maxAttemptsComesFromTheConfig() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(error(429, "Slow down"));
        }

        try (HttpConfidentApi api = TestApis.api(TestApis.config(server).withRetries(5, Duration.ofSeconds(30)), sleeper)) {
            failure(UnavailableException.class, api::listProjects);
        }
        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(sleeper.waits).hasSize(4).isSorted();
    }

    @Test
    void retryAfterIsHonoured() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").build());
        server.enqueue(fixture("projects.json"));

        try (HttpConfidentApi api = api()) {
            assertThat(api.listProjects()).hasSize(2);
        }
        assertThat(sleeper.waits).singleElement().satisfies(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    void retryAfterLongerThanTheCapEndsTheRetries() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "120").build());
        server.enqueue(fixture("projects.json"));

        try (HttpConfidentApi api = TestApis.api(TestApis.config(server).withRetries(3, Duration.ofSeconds(10)), sleeper)) {
            UnavailableException failure = failure(UnavailableException.class, api::listProjects);
            assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void networkFailureIsRetriedForGet() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(fixture("organization.json"));

        try (HttpConfidentApi api = api()) {
            assertThat(api.organization().id()).isEqualTo("ORGANIZATION-ID");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
