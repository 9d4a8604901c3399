package dev.keywarden.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation's own example for endpoint 9 (deactivate a key), sent byte for byte with the JDK's
 * client rather than our gateway, against the sandbox as its command line starts it with demo data.
 */
class DocumentedExampleTest {

    private static final String ORG_KEY = "test-org-key";
    private static final String WIRE_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    /** 15 stars and the last 6 characters: base64 ones for the keys the sandbox issues, as real keys are. */
    private static final String MASKED = "\\*{15}[A-Za-z0-9+/=]{6}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private SandboxServer server;

    @BeforeEach
    void start() throws IOException {
        server = SandboxServer.start(SandboxOptions.parse(new String[]{"--port", "0", "--org-key", ORG_KEY}));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void deactivatingAKeyAnswersInTheDocumentedShapeAndTheKeyStopsWorking() throws Exception {
        // The demo data is random: not every project has an active key.
        Project project = server.store().projects().stream()
                .filter(p -> server.store().keys(p.id()).stream().anyMatch(ApiKey::valid)).findFirst().orElseThrow();
        ApiKey key = server.store().keys(project.id()).stream().filter(ApiKey::valid).findFirst().orElseThrow();
        String rawValue = server.store().rawValue(key.id());
        assertThat(datasets(rawValue).statusCode()).as("the key works before it is deactivated").isEqualTo(200);

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder()
                        .uri(URI.create(server.baseUrl() + "/v1/projects/" + project.id() + "/api-keys/" + key.id()))
                        .header("CONFIDENT_API_KEY", ORG_KEY)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"valid\": false}"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode root = json.readTree(answer.body());
        Set<String> topLevel = fieldNames(root);
        topLevel.remove("deprecated");
        assertThat(topLevel).containsExactlyInAnyOrder("success", "data");
        assertThat(root.get("success").isBoolean() && root.get("success").booleanValue()).isTrue();
        if (root.has("deprecated")) {
            assertThat(root.get("deprecated").isBoolean()).isTrue();
        }
        assertThat(fieldNames(root.get("data"))).containsExactly("apiKey");
        assertDocumentedDeactivatedKey(root.get("data").get("apiKey"), key.id(), rawValue);

        HttpResponse<String> refused = datasets(rawValue);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("{\"success\":false,\"error\":\"Invalid API key\",\"deprecated\":false}");
    }

    private static void assertDocumentedDeactivatedKey(JsonNode apiKey, long id, String rawValue) {
        assertThat(fieldNames(apiKey)).containsExactlyInAnyOrder("id", "name", "valid", "value", "created_at", "lastUsed");
        assertThat(apiKey.get("id").isIntegralNumber()).as("id is an integer").isTrue();
        assertThat(apiKey.get("id").longValue()).isEqualTo(id);
        assertThat(apiKey.get("valid").isBoolean()).isTrue();
        assertThat(apiKey.get("valid").booleanValue()).isFalse();
        assertThat(apiKey.get("value").asText()).matches(MASKED).endsWith(rawValue.substring(rawValue.length() - 6));
        assertThat(apiKey.get("created_at").asText()).matches(WIRE_TIME);
        JsonNode lastUsed = apiKey.get("lastUsed");
        if (!lastUsed.isNull()) {
            assertThat(lastUsed.asText()).matches(WIRE_TIME);
        }
    }

    private HttpResponse<String> datasets(String projectKey) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder()
                        .uri(URI.create(server.baseUrl() + "/v1/datasets"))
                        .header("CONFIDENT_API_KEY", projectKey)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> fieldNames(JsonNode node) {
        assertThat(node.isObject()).as("%s is a JSON object", node).isTrue();
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
