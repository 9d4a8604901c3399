package dev.keywarden.api;

import dev.keywarden.api.KeyProbe.Probe;
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

/** One call with a pasted key, to either probe: the status it answered, the key sent and never echoed. */
class KeyProbeTest {
    /** A real-shaped key: prefix, 43 characters of standard base64 and the closing {@code =}. */
    private static final String PROJECT_KEY = "confident_us_proj_qOkbX3+vT9/Lw2Zr8mQeP0aN5cJd7yHs1Gf4Ku6BFk+ok160=";
    private static final String ORG_KEY = "confident_us_org_fedcba9876543210fedcba9876543210";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void sendsTheKeyToTheDatasetsProbeAndReportsTheStatus() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"success\": true, \"data\": {\"datasets\": []}}").build());
        server.enqueue(error(401, "Invalid API key"));

        try (KeyProbe probe = new KeyProbe()) {
            assertThat(probe.status(TestApis.baseUrl(server), Probe.DATASETS, PROJECT_KEY, null)).isEqualTo(200);
            assertThat(probe.status(TestApis.baseUrl(server) + "/", Probe.DATASETS, PROJECT_KEY, null)).isEqualTo(401);
        }
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/v1/datasets");
        assertThat(request.getHeaders().get("CONFIDENT_API_KEY")).isEqualTo(PROJECT_KEY);
        assertThat(request.getHeaders().get("User-Agent")).startsWith("keywarden/");
        assertThat(request.getHeaders().get(KeyProbe.PROJECT_HEADER)).isNull();
    }

    @Test
    void sendsTheKeyToTheOrganisationProbe() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"success\": true, \"data\": {\"organization\": {}}}").build());

        try (KeyProbe probe = new KeyProbe()) {
            assertThat(probe.status(TestApis.baseUrl(server), Probe.ORGANIZATION, "  " + ORG_KEY + " ", null)).isEqualTo(200);
        }
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getTarget()).isEqualTo("/v1/organization");
        assertThat(request.getHeaders().get("CONFIDENT_API_KEY")).isEqualTo(ORG_KEY);
        assertThat(Probe.ORGANIZATION.call()).isEqualTo("GET /v1/organization");
    }

    @Test
    void aGlobalKeysProjectGoesInItsOwnHeader() throws Exception {
        server.enqueue(error(403, "Forbidden"));
        try (KeyProbe probe = new KeyProbe()) {
            assertThat(probe.status(TestApis.baseUrl(server), Probe.DATASETS, "confident_us_global_" + PROJECT_KEY.substring(18),
                    "clq9z3x1k0001la08f7t3g5p2")).isEqualTo(403);
        }
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("CONFIDENT_PROJECT_ID")).isEqualTo("clq9z3x1k0001la08f7t3g5p2");
    }

    @Test
    void unsendableKeyOrProjectIsRefusedWithoutEchoingIt() {
        try (KeyProbe probe = new KeyProbe()) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> probe.status(TestApis.baseUrl(server), Probe.DATASETS, "secret\nkey", null))
                    .satisfies(e -> assertThat(e.getMessage()).contains("key").doesNotContain("secret"));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> probe.status(TestApis.baseUrl(server), Probe.DATASETS, PROJECT_KEY, "hidden\tid"))
                    .satisfies(e -> assertThat(e.getMessage()).contains("project id").doesNotContain("hidden"));
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void noAnswerIsANetworkFailureInPlainWordsWithoutTheKey() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KeyProbe probe = new KeyProbe()) {
            NetworkException failure = catchThrowableOfType(NetworkException.class,
                    () -> probe.status("http://127.0.0.1:" + closedPort, Probe.ORGANIZATION, ORG_KEY, null));

            assertThat(failure).isNotNull();
            assertThat(failure.summary()).isEqualTo("Nothing is answering at 127.0.0.1:" + closedPort + ".");
            assertThat(failure.detail()).doesNotContain(ORG_KEY);
            assertThat(failure.toString()).doesNotContain(ORG_KEY);
        }
    }
}
