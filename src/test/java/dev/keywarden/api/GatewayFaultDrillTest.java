package dev.keywarden.api;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.NewProject;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.keywarden.api.TestApis.error;
import static dev.keywarden.api.TestApis.fixture;
import static dev.keywarden.api.TestApis.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault drills: each fault a server or network can produce, what the gateway answers, and that it
 * answers within the call's deadline (2 s here, so that a hang shows as a failure of this test
 * rather than a long wait). Waits between retries are real. Upper bounds only, and generous.
 */
class GatewayFaultDrillTest {
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Time on top of the deadline for a loaded machine to notice and report. */
    private static final Duration SLACK = Duration.ofMillis(1500);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private HttpConfidentApi api() {
        return TestApis.api(TestApis.config(server).withDeadline(DEADLINE), Sleeper.REAL);
    }

    @Test
    void connectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionConfig config = ConnectionConfig.of("http://127.0.0.1:" + closedPort, OrgKey.of(TestApis.ORG_KEY))
                .withDeadline(DEADLINE);
        try (HttpConfidentApi refused = TestApis.api(config, Sleeper.REAL)) {
            NetworkException failure = withinDeadline(NetworkException.class, () -> refused.setApiKeyValid("P", 1, false));

            assertThat(failure.fault()).isEqualTo(NetworkFault.REFUSED);
            assertThat(failure.summary()).isEqualTo("Nothing is answering at 127.0.0.1:" + closedPort + ".");
            assertThat(failure.requestMayHaveBeenSent()).isFalse();
            assertThat(failure.outcomeUnknown()).as("nothing was sent, so nothing changed").isFalse();
        }
    }

    @Test
    void resetMidResponseIsRetriedForGetAndReportedAfterTheLastAttempt() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(cutOffMidBody());
        }
        try (HttpConfidentApi api = api()) {
            NetworkException failure = withinDeadline(NetworkException.class, api::listProjects);

            assertThat(failure.fault()).isEqualTo(NetworkFault.CUT_OFF);
            assertThat(failure.summary()).isEqualTo("The connection was cut off before the server answered.");
            assertThat(failure.outcomeUnknown()).as("a GET changes nothing").isFalse();
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void resetMidResponseThenRecovery() {
        server.enqueue(cutOffMidBody());
        server.enqueue(fixture("projects.json"));

        try (HttpConfidentApi api = api()) {
            assertThat(withinDeadline(api::listProjects)).hasSize(2);
        }
    }

    @Test
    void resetAfterAPutWasSentLeavesTheOutcomeUnknown() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        }
        try (HttpConfidentApi api = api()) {
            NetworkException failure = withinDeadline(NetworkException.class, () -> api.setApiKeyValid("P", 34, false));

            assertThat(failure.requestMayHaveBeenSent()).isTrue();
            assertThat(failure.outcomeUnknown()).isTrue();
            assertThat(failure.summary()).endsWith("The change may still have been made on the server.");
        }
    }

    @Test
    void acceptedAndNeverAnswered() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        try (HttpConfidentApi api = api()) {
            DeadlineExceededException failure = withinDeadline(DeadlineExceededException.class, () -> api.setApiKeyValid("P", 34, true));

            assertThat(failure.summary()).startsWith("The server did not answer within 2 s.");
            assertThat(failure.deadline()).isEqualTo(DEADLINE);
            assertThat(failure.outcomeUnknown()).as("the PUT was sent: it may have been applied").isTrue();
        }
    }

    @Test
    void aSlowTrickleIsCutOffByTheDeadlineNotJustTheReadTimeout() {
        // 10 bytes a second never trips a per-read timeout, but the whole answer would take about a minute.
        server.enqueue(new MockResponse.Builder(fixture("projects.json")).throttleBody(10, 1, TimeUnit.SECONDS).build());

        try (HttpConfidentApi api = api()) {
            DeadlineExceededException failure = withinDeadline(DeadlineExceededException.class, api::listProjects);

            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.outcomeUnknown()).isFalse();
        }
    }

    @Test
    void aBurstOf502And503ThenRecoveryForGet() {
        server.enqueue(error(502, "Bad gateway"));
        server.enqueue(error(503, "Maintenance"));
        server.enqueue(fixture("organization.json"));

        try (HttpConfidentApi api = api()) {
            assertThat(withinDeadline(api::organization).name()).isEqualTo("Acme Inc.");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void a500IsReportedAtOnceAndAPutThatGotItMayHaveBeenApplied() {
        server.enqueue(error(500, "Internal error"));
        server.enqueue(fixture("api-key-deactivated.json"));

        try (HttpConfidentApi api = api()) {
            ServerException failure = withinDeadline(ServerException.class, () -> api.setApiKeyValid("P", 34, false));

            assertThat(failure.summary()).isEqualTo("The server failed (500 Internal error). The change may still have been made on the server.");
            assertThat(failure.outcomeUnknown()).isTrue();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aPostIsNeverRetriedThroughABurst() {
        server.enqueue(error(502, "Bad gateway"));
        server.enqueue(fixture("api-key-created.json"));

        try (HttpConfidentApi api = api()) {
            ServerException failure = withinDeadline(ServerException.class, () -> api.createApiKey("P", "k"));

            assertThat(failure.outcomeUnknown()).as("the key may have been created; its raw value is lost").isTrue();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void tooManyRequestsWithRetryAfterInsideTheDeadlineIsWaitedOut() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
        server.enqueue(fixture("projects.json"));

        try (HttpConfidentApi api = api()) {
            assertThat(withinDeadline(api::listProjects)).hasSize(2);
        }
    }

    @Test
    void tooManyRequestsWithRetryAfterPastTheDeadlineIsReportedWithoutWaiting() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "5").build());
        server.enqueue(fixture("projects.json"));

        try (HttpConfidentApi api = api()) {
            long start = System.nanoTime();
            UnavailableException failure = NoSecrets.failure(UnavailableException.class, api::listProjects);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(5));
            assertThat(failure.summary()).isEqualTo("The server is limiting how often it may be asked (429). Try again in 5 s.");
            assertThat(failure.outcomeUnknown()).isFalse();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void tooManyRequestsWithoutRetryAfterBacksOffAndRecovers() {
        server.enqueue(new MockResponse.Builder().code(429).build());
        server.enqueue(new MockResponse.Builder().code(429).build());
        server.enqueue(fixture("projects.json"));

        try (HttpConfidentApi api = api()) {
            assertThat(withinDeadline(api::listProjects)).hasSize(2);
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void anHtmlPageInsteadOfJson() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<!doctype html><html><title>Sign in</title></html>").build());

        try (HttpConfidentApi api = api()) {
            ProtocolException failure = withinDeadline(ProtocolException.class, api::listProjects);

            assertThat(failure.summary()).startsWith("The server sent something that is not Confident AI's API (an HTML page).");
            assertThat(failure.detail()).contains("HTTP 200", "the answer is not valid JSON");
        }
    }

    @Test
    void jsonCutShort() {
        server.enqueue(json(200, "{\"success\": true, \"data\": {\"projects\": [{\"id\": \"P\""));

        try (HttpConfidentApi api = api()) {
            ProtocolException failure = withinDeadline(ProtocolException.class, api::listProjects);

            assertThat(failure.problem()).isEqualTo("the answer is not valid JSON");
        }
    }

    @Test
    void successFalseWithStatus200IsNotRetried() {
        server.enqueue(json(200, "{\"success\": false, \"error\": \"Something odd\"}"));
        server.enqueue(fixture("projects.json"));

        try (HttpConfidentApi api = api()) {
            ProtocolException failure = withinDeadline(ProtocolException.class, api::listProjects);

            assertThat(failure.problem()).contains("\"success\": false", "Something odd");
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void unknownFieldsAreIgnoredAndAMissingOneIsNamed() {
        server.enqueue(json(200, """
                {"success": true, "deprecated": false, "link": "https://x", "data": {"organization": {
                  "id": "O", "name": "Acme", "plan": "PREMIUM", "created_at": "2024-12-04T23:00:00.000Z",
                  "seats": 40, "features": {"sso": true}}, "next": null}}"""));
        server.enqueue(json(200, """
                {"success": true, "data": {"organization": {"id": "O", "name": "Acme", "created_at": "2024-12-04T23:00:00.000Z"}}}"""));

        try (HttpConfidentApi api = api()) {
            assertThat(withinDeadline(api::organization).plan()).isEqualTo("PREMIUM");
            ProtocolException failure = withinDeadline(ProtocolException.class, api::organization);
            assertThat(failure.problem()).isEqualTo("missing field \"plan\" in data.organization");
        }
    }

    @Test
    void aHundredThousandKeysDecode() {
        int count = 100_000;
        StringBuilder body = new StringBuilder(count * 140).append("{\"success\": true, \"data\": {\"apiKeys\": [");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\": ").append(i)
                    .append(", \"name\": \"key ").append(i).append("\", \"valid\": ").append(i % 7 != 0)
                    .append(", \"value\": \"***************").append(String.format("%06x", i))
                    .append("\", \"created_at\": \"2024-12-04T23:00:00.000Z\", \"lastUsed\": null}");
        }
        server.enqueue(json(200, body.append("]}}").toString()));

        try (HttpConfidentApi api = TestApis.api(TestApis.config(server), Sleeper.REAL)) {
            long start = System.nanoTime();
            List<ApiKey> keys = api.listApiKeys("P");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // Sizes and single elements only: a failing assertion must not print 100,000 keys.
            assertThat(keys.size()).isEqualTo(count);
            assertThat(keys.get(count - 1).id()).isEqualTo(count - 1);
            assertThat(keys.get(count - 1).suffix()).isEqualTo(String.format("%06x", count - 1));
            assertThat(keys.stream().filter(k -> !k.valid()).count()).isEqualTo((count + 6) / 7);
            assertThat(took).isLessThan(ConnectionConfig.DEFAULT_DEADLINE);
        }
    }

    @Test
    void aPostIsNotRetriedAfterItsAnswerWasCutOff() {
        server.enqueue(cutOffMidBody());
        server.enqueue(fixture("project-created.json"));

        try (HttpConfidentApi api = api()) {
            NetworkException failure = withinDeadline(NetworkException.class, () -> api.createProject(NewProject.named("New")));

            assertThat(failure.outcomeUnknown()).isTrue();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private static MockResponse cutOffMidBody() {
        return new MockResponse.Builder(fixture("projects.json")).onResponseBody(new SocketEffect.CloseSocket()).build();
    }

    private static <T extends ApiException> T withinDeadline(Class<T> type, ThrowingCallable call) {
        long start = System.nanoTime();
        T failure = NoSecrets.failure(type, call);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("reported within the deadline").isLessThan(DEADLINE.plus(SLACK));
        return failure;
    }

    private static <T> T withinDeadline(Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered within the deadline").isLessThan(DEADLINE.plus(SLACK));
        return result;
    }
}
