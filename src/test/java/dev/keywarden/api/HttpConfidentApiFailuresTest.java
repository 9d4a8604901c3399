package dev.keywarden.api;

import dev.keywarden.model.NewProject;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.keywarden.api.NoSecrets.failure;
import static dev.keywarden.api.TestApis.ORG_KEY;
import static dev.keywarden.api.TestApis.error;
import static dev.keywarden.api.TestApis.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Every way a call can fail, as the typed exception the UI sees, never carrying the key. */
class HttpConfidentApiFailuresTest {
    private static final String PROJECT = """
            {"id": "P", "name": "N", "description": null, "organizationId": "O", "created_at": "2024-12-04T23:00:00.000Z"}""";

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private HttpConfidentApi api;

    @BeforeEach
    void openApi() {
        // One attempt, so statuses that are retried in real use are seen as they are.
        api = TestApis.api(TestApis.config(server).withRetries(1, Duration.ofSeconds(30)), new RecordingSleeper());
    }

    @AfterEach
    void closeApi() {
        api.close();
    }

    @ParameterizedTest
    @CsvSource({
            "400, InvalidRequestException",
            "401, UnauthorizedException",
            "403, ForbiddenException",
            "404, NotFoundException",
            "409, ConflictException",
            "422, InvalidRequestException",
            "429, UnavailableException",
            "500, ServerException",
            "502, ServerException",
            "503, UnavailableException",
            "504, ServerException",
            "405, InvalidRequestException",
    })
    void statusBecomesTypedFailureWithServerText(int status, String type) {
        server.enqueue(error(status, "Invalid API key"));

        ApiException failure = failure(ApiException.class, () -> api.getProject("PROJECT-ID"));

        assertThat(failure.getClass().getSimpleName()).isEqualTo(type);
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.serverError()).isEqualTo("Invalid API key");
        assertThat(failure.method()).isEqualTo("GET");
        assertThat(failure.path()).isEqualTo("/v1/projects/PROJECT-ID");
        assertThat(failure.getMessage()).contains("GET /v1/projects/PROJECT-ID", "HTTP " + status, "Invalid API key");
    }

    @Test
    void conflictOnCreateCarriesThePost() {
        server.enqueue(error(409, "Project name already exists"));

        ConflictException failure = failure(ConflictException.class,
                () -> api.createProject(NewProject.named("Taken")));

        assertThat(failure.method()).isEqualTo("POST");
        assertThat(failure.path()).isEqualTo("/v1/projects");
        assertThat(failure.summary()).contains("Project name already exists");
    }

    @Test
    void tooManyRequestsCarriesRetryAfterSeconds() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                .body("{\"success\": false, \"error\": \"Slow down\"}").build());

        UnavailableException failure = failure(UnavailableException.class, () -> api.listProjects());

        assertThat(failure.isRateLimited()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(failure.summary()).contains("7 s");
    }

    @Test
    void maintenanceCarriesRetryAfterDate() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "Wed, 01 Jan 2025 12:01:00 GMT")
                .body("{\"success\": false, \"error\": \"Maintenance\"}").build());

        UnavailableException failure = failure(UnavailableException.class, () -> api.listProjects());

        assertThat(failure.isRateLimited()).isFalse();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void htmlErrorPageStillGivesTheTypedFailure() {
        server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());

        ServerException failure = failure(ServerException.class, () -> api.listProjects());

        assertThat(failure.status()).isEqualTo(502);
        assertThat(failure.serverError()).isNull();
    }

    @Test
    void plainTextErrorGivesAShortSnippet() {
        server.enqueue(new MockResponse.Builder().code(404).body("no route\n" + "x".repeat(1000)).build());

        NotFoundException failure = failure(NotFoundException.class, () -> api.listProjects());

        assertThat(failure.serverError()).startsWith("no route x").hasSizeLessThanOrEqualTo(Failures.MAX_SNIPPET + 1);
    }

    @Test
    void emptyErrorBodyHasNoServerText() {
        server.enqueue(new MockResponse.Builder().code(401).build());

        UnauthorizedException failure = failure(UnauthorizedException.class, () -> api.organization());

        assertThat(failure.serverError()).isNull();
    }

    @Test
    void keyEchoedByTheServerIsCutOut() {
        server.enqueue(error(401, "Invalid API key " + ORG_KEY));

        UnauthorizedException failure = failure(UnauthorizedException.class, () -> api.organization());

        assertThat(failure.serverError()).isEqualTo("Invalid API key [redacted]");
    }

    @Test
    void redirectIsNotFollowed() {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "https://elsewhere.example/").build());

        ProtocolException failure = failure(ProtocolException.class, () -> api.organization());

        assertThat(failure.status()).isEqualTo(302);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // --- network ---

    @Test
    void connectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionConfig config = ConnectionConfig.of("http://127.0.0.1:" + closedPort, OrgKey.of(ORG_KEY))
                .withRetries(1, Duration.ofSeconds(1));
        try (HttpConfidentApi refused = TestApis.api(config, new RecordingSleeper())) {
            NetworkException failure = failure(NetworkException.class, refused::organization);

            assertThat(failure.status()).isZero();
            assertThat(failure.getCause()).isInstanceOf(IOException.class);
            assertThat(failure.summary()).isEqualTo("Nothing is answering at 127.0.0.1:" + closedPort + ".");
        }
    }

    @Test
    void readTimeout() {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
        ConnectionConfig config = TestApis.config(server).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))
                .withRetries(1, Duration.ofSeconds(1));
        try (HttpConfidentApi impatient = TestApis.api(config, new RecordingSleeper())) {
            long start = System.nanoTime();

            NetworkException failure = failure(NetworkException.class, impatient::organization);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(failure.getCause()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void connectionDroppedBeforeAnswer() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        failure(NetworkException.class, () -> api.organization());
    }

    @Test
    void bodyCutShort() {
        server.enqueue(new MockResponse.Builder().code(200).body(TestApis.fixture("projects.json").getBody())
                .onResponseBody(new SocketEffect.CloseSocket()).build());

        failure(NetworkException.class, () -> api.listProjects());
    }

    // --- protocol ---

    @Test
    void htmlWithStatus200() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<!doctype html><title>Login</title>").build());

        ProtocolException failure = failure(ProtocolException.class, () -> api.listProjects());

        assertThat(failure.status()).isEqualTo(200);
        assertThat(failure.problem()).isEqualTo("the answer is not valid JSON");
    }

    @Test
    void truncatedJson() {
        server.enqueue(json(200, "{\"success\": true, \"data\": {\"projects\": [{\"id\": \"P\""));

        ProtocolException failure = failure(ProtocolException.class, () -> api.listProjects());

        assertThat(failure.problem()).isEqualTo("the answer is not valid JSON");
    }

    @Test
    void emptyBody() {
        server.enqueue(json(200, ""));

        failure(ProtocolException.class, () -> api.listProjects());
    }

    @Test
    void successFalseWithStatus200() {
        server.enqueue(json(200, "{\"success\": false, \"error\": \"Something odd\"}"));

        ProtocolException failure = failure(ProtocolException.class, () -> api.listProjects());

        assertThat(failure.status()).isEqualTo(200);
        assertThat(failure.problem()).contains("\"success\": false", "Something odd");
    }

    @Test
    void missingData() {
        server.enqueue(json(200, "{\"success\": true}"));

        ProtocolException failure = failure(ProtocolException.class, () -> api.listProjects());

        assertThat(failure.problem()).isEqualTo("missing field \"data\"");
    }

    @Test
    void missingSuccess() {
        server.enqueue(json(200, "{\"data\": {\"projects\": []}}"));

        ProtocolException failure = failure(ProtocolException.class, () -> api.listProjects());

        assertThat(failure.problem()).isEqualTo("missing field \"success\"");
    }

    @Test
    void missingObjectInData() {
        server.enqueue(json(200, "{\"success\": true, \"data\": {\"projects\": []}}"));

        ProtocolException failure = failure(ProtocolException.class, () -> api.getProject("P"));

        assertThat(failure.problem()).isEqualTo("missing field \"project\" in data");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        server.enqueue(json(200, """
                {"success": true, "data": {"project": {"id": "P", "name": "N", "organizationId": "O"}}}"""));

        ProtocolException failure = failure(ProtocolException.class, () -> api.getProject("P"));

        assertThat(failure.problem()).isEqualTo("missing field \"created_at\" in data.project");
        assertThat(failure.getMessage()).contains("missing field \"created_at\" in data.project");
    }

    @Test
    void nullRequiredFieldIsNamed() {
        server.enqueue(json(200, """
                {"success": true, "data": {"apiKeys": [
                  {"id": 1, "valid": true, "value": "***************abcdef", "created_at": "2024-12-04T23:00:00.000Z"},
                  {"id": 2, "valid": null, "value": "***************abcdef", "created_at": "2024-12-04T23:00:00.000Z"}]}}"""));

        ProtocolException failure = failure(ProtocolException.class, () -> api.listApiKeys("P"));

        assertThat(failure.problem()).isEqualTo("field \"valid\" is null in data.apiKeys[1]");
    }

    @Test
    void wrongTypeIsNamed() {
        server.enqueue(json(200, """
                {"success": true, "data": {"apiKey": {"id": "thirty-four", "valid": true, "value": "x",
                 "created_at": "2024-12-04T23:00:00.000Z"}}}"""));

        ProtocolException failure = failure(ProtocolException.class, () -> api.getApiKey("P", 34));

        assertThat(failure.problem()).isEqualTo("field \"id\" in data.apiKey has the wrong type or form");
    }

    @Test
    void badTimestampIsNamed() {
        server.enqueue(json(200, "{\"success\": true, \"data\": {\"project\": "
                + PROJECT.replace("2024-12-04T23:00:00.000Z", "yesterday") + "}}"));

        ProtocolException failure = failure(ProtocolException.class, () -> api.getProject("P"));

        assertThat(failure.problem()).isEqualTo("field \"created_at\" in data.project has the wrong type or form");
    }

    @Test
    void listThatIsNotAList() {
        server.enqueue(json(200, "{\"success\": true, \"data\": {\"projects\": " + PROJECT + "}}"));

        ProtocolException failure = failure(ProtocolException.class, () -> api.listProjects());

        assertThat(failure.problem()).isEqualTo("data.projects is not a list");
    }

    @Test
    void deleteThatDidNotDelete() {
        server.enqueue(json(200, "{\"success\": true, \"data\": {\"id\": \"P\", \"deleted\": false}}"));

        ProtocolException failure = failure(ProtocolException.class, () -> api.deleteProject("P"));

        assertThat(failure.problem()).isEqualTo("data.deleted is not true");
    }

    @Test
    void deleteOfSomethingElse() {
        server.enqueue(json(200, "{\"success\": true, \"data\": {\"id\": 35, \"deleted\": true}}"));

        ProtocolException failure = failure(ProtocolException.class, () -> api.revokeApiKey("P", 34));

        assertThat(failure.problem()).isEqualTo("data.id does not name what was deleted");
    }

    @Test
    void bareIdIsRefusedBeforeAnyCall() {
        for (String id : new String[]{"", ".", ".."}) {
            assertThatIllegalArgumentException().isThrownBy(() -> api.deleteProject(id));
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
