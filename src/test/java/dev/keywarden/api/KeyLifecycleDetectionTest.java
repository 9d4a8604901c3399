package dev.keywarden.api;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static dev.keywarden.api.NoSecrets.failure;
import static dev.keywarden.api.TestApis.error;
import static dev.keywarden.api.TestApis.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One capability probe per connection: {@code GET /v2/organization/api-keys} answered means v2, 404 means a
 * server without it (then everything is v1); kept, asked again after the server was unreachable.
 */
class KeyLifecycleDetectionTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private HttpConfidentApi api;

    @BeforeEach
    void openApi() {
        api = TestApis.api(server, new RecordingSleeper());
    }

    @AfterEach
    void closeApi() {
        api.close();
    }

    @Test
    void aServerWithV2IsAskedOnce() throws Exception {
        server.enqueue(fixture("v2-org-api-keys.json"));

        assertThat(api.keyLifecycle()).isPresent();
        assertThat(api.keyLifecycle()).isPresent();

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/v2/organization/api-keys");
    }

    @Test
    void aServerWithoutV2AnswersTheProbe404AndEverythingStaysOnV1() throws Exception {
        server.enqueue(error(404, "Not found"));
        server.enqueue(fixture("api-keys.json"));

        assertThat(api.keyLifecycle()).isEmpty();
        assertThat(api.keyLifecycle()).as("kept: not asked again").isEmpty();
        assertThat(api.listApiKeys("proj-1")).isNotEmpty();

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/v2/organization/api-keys");
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/v1/projects/proj-1/api-keys");
    }

    @Test
    void anHtml404FromAnOlderServerMeansNoV2Too() {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "text/html")
                .body("<html><body>Cannot GET /v2/organization/api-keys</body></html>").build());

        assertThat(api.keyLifecycle()).isEmpty();
    }

    @Test
    void aProbeThatFailsIsNotKeptAndTheNextCallAsksAgain() {
        server.enqueue(error(401, "Invalid API key"));
        server.enqueue(fixture("v2-org-api-keys.json"));

        failure(UnauthorizedException.class, () -> api.keyLifecycle());
        assertThat(api.keyLifecycle()).isPresent();

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anAnswerThatIsNotTheApiIsNotTakenForV2() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html>Welcome</html>").build());

        failure(ProtocolException.class, () -> api.keyLifecycle());
    }

    @Test
    void afterTheServerWasUnreachableItIsAskedAgain() {
        server.enqueue(error(404, "Not found"));
        assertThat(api.keyLifecycle()).isEmpty();

        // Any call that finds the server gone (here: the connection cut, on every attempt) forgets the answer ...
        for (int attempt = 0; attempt < ConnectionConfig.DEFAULT_MAX_ATTEMPTS; attempt++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        }
        failure(NetworkException.class, () -> api.organization());

        // ... so the server, upgraded meanwhile, is asked again.
        server.enqueue(fixture("v2-org-api-keys.json"));
        assertThat(api.keyLifecycle()).isPresent();
        assertThat(api.keyLifecycle()).isPresent();
        assertThat(server.getRequestCount()).isEqualTo(1 + ConnectionConfig.DEFAULT_MAX_ATTEMPTS + 1);
    }

    @Test
    void aRefusalIsNotUnreachableAndKeepsTheAnswer() {
        server.enqueue(fixture("v2-org-api-keys.json"));
        assertThat(api.keyLifecycle()).isPresent();
        server.enqueue(error(401, "Invalid API key"));
        failure(UnauthorizedException.class, () -> api.organization());

        assertThat(api.keyLifecycle()).isPresent();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
