package dev.keywarden.api;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static dev.keywarden.api.TestApis.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DataPlaneProbeTest {
    private static final String PROJECT_KEY = "confident_us_proj_0123456789abcdef0123456789abcdef";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void sendsTheProjectKeyAndReportsTheStatus() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"success\": true, \"data\": {\"datasets\": []}}").build());
        server.enqueue(error(401, "Invalid API key"));

        try (DataPlaneProbe probe = new DataPlaneProbe()) {
            assertThat(probe.datasetsStatus(TestApis.baseUrl(server), PROJECT_KEY)).isEqualTo(200);
            assertThat(probe.datasetsStatus(TestApis.baseUrl(server) + "/", PROJECT_KEY)).isEqualTo(401);
        }
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/v1/datasets");
        assertThat(request.getHeaders().get("CONFIDENT_API_KEY")).isEqualTo(PROJECT_KEY);
        assertThat(request.getHeaders().get("User-Agent")).startsWith("keywarden/");
    }

    @Test
    void unsendableKeyIsRefusedWithoutEchoingIt() {
        try (DataPlaneProbe probe = new DataPlaneProbe()) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> probe.datasetsStatus(TestApis.baseUrl(server), "secret\nkey"))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
