package dev.keywarden.api;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static dev.keywarden.api.NoSecrets.failure;
import static dev.keywarden.api.TestApis.error;
import static dev.keywarden.api.TestApis.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/** The rule of {@link ApiException#outcomeUnknown()}, case by case. */
class FailureOutcomeTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private HttpConfidentApi oneAttempt() {
        return TestApis.api(TestApis.config(server).withRetries(1, Duration.ofSeconds(1)), new RecordingSleeper());
    }

    @ParameterizedTest
    @CsvSource({
            "500, true", "502, true", "503, true", "504, true",
            "400, false", "401, false", "403, false", "404, false", "409, false", "422, false", "429, false"})
    void aChangeThatGotThisStatus(int status, boolean unknown) {
        server.enqueue(error(status, "x"));
        try (HttpConfidentApi api = oneAttempt()) {
            ApiException failure = failure(ApiException.class, () -> api.setApiKeyValid("P", 34, false));

            assertThat(failure.outcomeUnknown()).isEqualTo(unknown);
        }
    }

    @ParameterizedTest
    @CsvSource({"500", "502", "503", "504"})
    void aReadThatGot5xxChangedNothing(int status) {
        server.enqueue(error(status, "x"));
        try (HttpConfidentApi api = oneAttempt()) {
            assertThat(failure(ApiException.class, api::listProjects).outcomeUnknown()).isFalse();
        }
    }

    @Test
    void postAndDeleteCountAsChanges() {
        server.enqueue(error(502, "x"));
        server.enqueue(error(502, "x"));
        try (HttpConfidentApi api = oneAttempt()) {
            assertThat(failure(ServerException.class, () -> api.createApiKey("P", "k")).outcomeUnknown()).isTrue();
            assertThat(failure(ServerException.class, () -> api.revokeApiKey("P", 34)).outcomeUnknown()).isTrue();
        }
    }

    @Test
    void aConnectFailureSentNothing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionConfig config = ConnectionConfig.of("http://127.0.0.1:" + closedPort, OrgKey.of(TestApis.ORG_KEY))
                .withRetries(1, Duration.ofSeconds(1));
        try (HttpConfidentApi api = TestApis.api(config, new RecordingSleeper())) {
            NetworkException failure = failure(NetworkException.class, () -> api.revokeApiKey("P", 34));

            assertThat(failure.requestMayHaveBeenSent()).isFalse();
            assertThat(failure.outcomeUnknown()).isFalse();
        }
    }

    @Test
    void aResetAfterSendingLeavesAChangeUnknown() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        try (HttpConfidentApi api = oneAttempt()) {
            NetworkException failure = failure(NetworkException.class, () -> api.setApiKeyValid("P", 34, false));

            assertThat(failure.requestMayHaveBeenSent()).isTrue();
            assertThat(failure.outcomeUnknown()).isTrue();
        }
    }

    @Test
    void aTimeoutAfterSendingLeavesAChangeUnknown() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        ConnectionConfig config = TestApis.config(server).withDeadline(Duration.ofMillis(500));
        try (HttpConfidentApi api = TestApis.api(config, new RecordingSleeper())) {
            DeadlineExceededException failure = failure(DeadlineExceededException.class, () -> api.setApiKeyValid("P", 34, true));

            assertThat(failure.outcomeUnknown()).isTrue();
        }
    }

    @Test
    void anEarlierAttemptThatMayHaveAppliedCarriesOverToTheLastAnswer() {
        server.enqueue(error(502, "Bad gateway"));
        server.enqueue(error(404, "API key not found"));
        try (HttpConfidentApi api = TestApis.api(server, new RecordingSleeper())) {
            NotFoundException failure = failure(NotFoundException.class, () -> api.revokeApiKey("P", 34));

            assertThat(failure.outcomeUnknown()).as("the first DELETE may have removed it").isTrue();
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aDecodedSuccessIsNotAFailureAndAnUnreadable2xxChangeIsUnknown() {
        server.enqueue(fixture("api-key-deactivated.json"));
        server.enqueue(TestApis.json(200, "{\"success\": true, \"data\": {}}"));
        try (HttpConfidentApi api = oneAttempt()) {
            assertThat(api.setApiKeyValid("P", 34, false).valid()).isFalse();
            assertThat(failure(ProtocolException.class, () -> api.setApiKeyValid("P", 34, false)).outcomeUnknown()).isTrue();
        }
    }

    @Test
    void theKindOfNetworkFailureDecidesWhenTheGatewayCouldNotTell() {
        assertThat(new NetworkException("PUT", "/p", new ConnectException("refused")).outcomeUnknown()).isFalse();
        assertThat(new NetworkException("PUT", "/p", new UnknownHostException("x.example")).outcomeUnknown()).isFalse();
        assertThat(new NetworkException("PUT", "/p", new SSLPeerUnverifiedException("Hostname x not verified")).outcomeUnknown()).isFalse();
        assertThat(new NetworkException("PUT", "/p", new SSLHandshakeException("no cipher")).outcomeUnknown()).isFalse();
        assertThat(new NetworkException("PUT", "/p", new SocketTimeoutException("timeout")).outcomeUnknown()).isTrue();
        assertThat(new NetworkException("PUT", "/p", new IOException("unexpected end of stream")).outcomeUnknown()).isTrue();
        assertThat(new NetworkException("GET", "/p", new SocketTimeoutException("timeout")).outcomeUnknown()).isFalse();
        assertThat(new CancelledException("PUT", "/p").outcomeUnknown()).isTrue();
        assertThat(new CancelledException("GET", "/p").outcomeUnknown()).isFalse();
    }

    @Test
    void cancellingBeforeAnythingWasSentChangedNothing() {
        try (HttpConfidentApi api = oneAttempt()) {
            Thread.currentThread().interrupt();
            try {
                assertThat(failure(CancelledException.class, () -> api.setApiKeyValid("P", 34, false)).outcomeUnknown()).isFalse();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void theStaticHelperLooksThroughWrappers() {
        ServerException unknown = new ServerException(502, null, "PUT", "/p");
        assertThat(ApiException.outcomeUnknown(new CompletionException(unknown))).isTrue();
        assertThat(ApiException.outcomeUnknown(new ExecutionException(unknown))).isTrue();
        assertThat(ApiException.outcomeUnknown(new NotFoundException(null, "PUT", "/p"))).isFalse();
        assertThat(ApiException.outcomeUnknown(new IllegalStateException("not a call"))).isFalse();
    }
}
