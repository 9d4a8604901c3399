package dev.keywarden.api;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import static dev.keywarden.api.NoSecrets.failure;
import static dev.keywarden.api.TestApis.error;
import static org.assertj.core.api.Assertions.assertThat;

/** Plain words first ({@link ApiException#summary()}), the technical text behind ({@link ApiException#detail()}). */
class FailureSummaryTest {
    /** What a summary must never show: Java and network jargon. */
    private static final List<String> JARGON = List.of("Exception", "java.", "okhttp", "/127.0.0.1", "unexpected end of stream",
            "Hostname", "HTTP ", "null");

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private HttpConfidentApi oneAttempt() {
        return TestApis.api(TestApis.config(server).withRetries(1, Duration.ofSeconds(1)), new RecordingSleeper());
    }

    @Test
    void refusedKey() {
        server.enqueue(error(401, "Invalid API key"));
        try (HttpConfidentApi api = oneAttempt()) {
            UnauthorizedException failure = failure(UnauthorizedException.class, api::organization);

            assertThat(failure.summary()).isEqualTo("The server refused the organisation key (401 Invalid API key).");
            assertPlain(failure);
            assertThat(failure.detail()).contains("GET /v1/organization", "127.0.0.1:" + server.getPort(), "HTTP 401",
                    "Invalid API key");
        }
    }

    @Test
    void cutOff() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        try (HttpConfidentApi api = oneAttempt()) {
            NetworkException failure = failure(NetworkException.class, api::organization);

            assertThat(failure.summary()).isEqualTo("The connection was cut off before the server answered.");
            assertPlain(failure);
            assertThat(failure.detail()).contains("caused by java.io.");
        }
    }

    @Test
    void deadline() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        try (HttpConfidentApi api = TestApis.api(TestApis.config(server).withDeadline(Duration.ofSeconds(1)), new RecordingSleeper())) {
            DeadlineExceededException failure = failure(DeadlineExceededException.class, api::listProjects);

            assertThat(failure.summary()).isEqualTo("The server did not answer within 1 s.");
            assertPlain(failure);
            assertThat(failure.detail()).contains("deadline 1000 ms passed after 1 attempt");
        }
    }

    @Test
    void htmlPage() {
        server.enqueue(new MockResponse.Builder().code(200).body("<html><body>Welcome to nginx</body></html>").build());
        try (HttpConfidentApi api = oneAttempt()) {
            ProtocolException failure = failure(ProtocolException.class, api::organization);

            assertThat(failure.summary()).startsWith("The server sent something that is not Confident AI's API (an HTML page).");
            assertPlain(failure);
        }
    }

    @Test
    void certificateAndUnknownHost() {
        NetworkException certificate = new NetworkException("GET", "/v1/organization",
                new SSLPeerUnverifiedException("Hostname api.example.com not verified: certificate: sha256/…"));
        certificate.origin("api.example.com:443");
        NetworkException unknownHost = new NetworkException("GET", "/v1/organization", new UnknownHostException("api.example.com"));
        unknownHost.origin("api.example.com:443");

        assertThat(certificate.summary()).isEqualTo("The server's certificate is not valid for api.example.com.");
        assertThat(unknownHost.summary()).startsWith("The server name api.example.com could not be found.");
        assertPlain(certificate);
        assertPlain(unknownHost);
        assertThat(certificate.detail()).contains("SSLPeerUnverifiedException", "api.example.com:443");
    }

    @Test
    void everyStatusHasPlainWords() {
        for (int status : new int[]{400, 403, 404, 409, 422, 429, 500, 502, 503, 504}) {
            server.enqueue(error(status, "No"));
            try (HttpConfidentApi api = oneAttempt()) {
                ApiException failure = failure(ApiException.class, api::listProjects);
                assertThat(failure.summary()).as("%d", status).isNotBlank().endsWith(".");
                assertPlain(failure);
            }
        }
    }

    private static void assertPlain(ApiException failure) {
        for (String jargon : JARGON) {
            assertThat(failure.summary()).as("summary of %s", failure.getClass().getSimpleName()).doesNotContain(jargon);
        }
    }
}
