package dev.keywarden.api;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import static dev.keywarden.api.TestApis.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** "Is this organisation key refused?": one {@code GET /v1/organization} with the pasted key. */
class OrganizationKeyProbeTest {
    private static final String PASTED = "confident_us_org_fedcba9876543210fedcba9876543210";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void sendsThePastedKeyAndReportsTheStatus() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"success\": true, \"data\": {\"organization\": {}}}").build());
        server.enqueue(error(401, "Invalid API key"));

        try (OrganizationKeyProbe probe = new OrganizationKeyProbe()) {
            assertThat(probe.organizationStatus(TestApis.baseUrl(server), PASTED)).isEqualTo(200);
            assertThat(probe.organizationStatus(TestApis.baseUrl(server) + "/", "  " + PASTED + " ")).isEqualTo(401);
        }
        for (int i = 0; i < 2; i++) {
            RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getTarget()).isEqualTo("/v1/organization");
            assertThat(request.getHeaders().get("CONFIDENT_API_KEY")).isEqualTo(PASTED);
            assertThat(request.getHeaders().get("User-Agent")).startsWith("keywarden/");
        }
    }

    @Test
    void unsendableKeyIsRefusedWithoutEchoingIt() {
        try (OrganizationKeyProbe probe = new OrganizationKeyProbe()) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> probe.organizationStatus(TestApis.baseUrl(server), "secret\tkey"))
                    .satisfies(e -> assertThat(e.getMessage()).contains("organisation API key").doesNotContain("secret"));
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void noAnswerIsANetworkFailureInPlainWordsWithoutTheKey() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (OrganizationKeyProbe probe = new OrganizationKeyProbe()) {
            NetworkException failure = catchThrowableOfType(NetworkException.class,
                    () -> probe.organizationStatus("http://127.0.0.1:" + closedPort, PASTED));

            assertThat(failure).isNotNull();
            assertThat(failure.summary()).isEqualTo("Nothing is answering at 127.0.0.1:" + closedPort + ".");
            assertThat(failure.detail()).doesNotContain(PASTED);
            assertThat(failure.toString()).doesNotContain(PASTED);
        }
    }
}
