package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain java.net.http client for the sandbox, with the envelope checks the tests share. */
final class SandboxClient {

    static final Pattern WIRE_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    static final Pattern MASKED = Pattern.compile("\\*{15}[A-Za-z0-9+/=]{6}");
    static final Pattern RAW_KEY = Pattern.compile("confident_us_proj_[A-Za-z0-9+/]{43}=");
    static final Pattern CUID = Pattern.compile("c[0-9a-z]{24}");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String baseUrl;
    private final String orgKey;

    SandboxClient(SandboxServer server) {
        this(server.baseUrl(), server.orgKey());
    }

    SandboxClient(String baseUrl, String orgKey) {
        this.baseUrl = baseUrl;
        this.orgKey = orgKey;
    }

    record Response(int status, JsonNode json, HttpHeaders headers) {
        JsonNode data() {
            return json.get("data");
        }
    }

    Response get(String path) {
        return send("GET", path, null, "CONFIDENT_API_KEY", orgKey);
    }

    Response post(String path, String body) {
        return send("POST", path, body, "CONFIDENT_API_KEY", orgKey);
    }

    Response put(String path, String body) {
        return send("PUT", path, body, "CONFIDENT_API_KEY", orgKey);
    }

    Response delete(String path) {
        return send("DELETE", path, null, "CONFIDENT_API_KEY", orgKey);
    }

    Response datasets(String projectKey) {
        return send("GET", "/v1/datasets", null, "CONFIDENT-API-KEY", projectKey);
    }

    /** {@code header} null sends no key at all; a body goes as {@code application/json}. */
    Response send(String method, String path, String body, String header, String key) {
        return send(method, path, body, body == null ? null : "application/json", header, key);
    }

    /** {@code contentType} null sends no Content-Type header. */
    Response send(String method, String path, String body, String contentType, String header, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (header != null) {
            request.header(header, key);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), MAPPER.readTree(response.body()), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A 200 in the success envelope: exactly {@code success: true, data: {...}, deprecated: false}. */
    static JsonNode assertSuccess(Response response) {
        assertThat(response.status()).as("status of %s", response.json()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(fieldNames(response.json())).containsExactly("success", "data", "deprecated");
        assertThat(response.json().get("success").isBoolean()).isTrue();
        assertThat(response.json().get("success").booleanValue()).isTrue();
        assertThat(response.json().get("deprecated").isBoolean()).isTrue();
        assertThat(response.json().get("deprecated").booleanValue()).isFalse();
        assertThat(response.data().isObject()).isTrue();
        return response.data();
    }

    /** An error in the envelope: exactly {@code success: false, error: "<non-empty>", deprecated: false}. */
    static String assertError(Response response, int status) {
        assertThat(response.status()).as("status of %s", response.json()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode json = response.json();
        assertThat(fieldNames(json)).containsExactly("success", "error", "deprecated");
        assertThat(json.get("success").isBoolean()).isTrue();
        assertThat(json.get("success").booleanValue()).isFalse();
        assertThat(json.get("error").isTextual()).isTrue();
        assertThat(json.get("error").textValue()).isNotBlank();
        assertThat(json.get("deprecated").isBoolean()).isTrue();
        assertThat(json.get("deprecated").booleanValue()).isFalse();
        return json.get("error").textValue();
    }

    static void assertApiKeyShape(JsonNode key) {
        assertThat(fieldNames(key)).containsExactlyInAnyOrder("id", "name", "valid", "value", "created_at", "lastUsed");
        assertThat(key.get("id").isIntegralNumber()).isTrue();
        assertThat(key.get("name").isTextual() || key.get("name").isNull()).isTrue();
        assertThat(key.get("valid").isBoolean()).isTrue();
        assertThat(key.get("created_at").asText()).matches(WIRE_TIME);
        assertThat(key.get("lastUsed").isNull() || WIRE_TIME.matcher(key.get("lastUsed").asText()).matches()).isTrue();
    }

    static void assertMaskedKey(JsonNode key) {
        assertApiKeyShape(key);
        assertThat(key.get("value").asText()).matches(MASKED);
    }

    static void assertProjectShape(JsonNode project, String organizationId) {
        assertThat(fieldNames(project)).contains("id", "name", "description", "organizationId", "created_at");
        assertThat(fieldNames(project)).isSubsetOf("id", "name", "description", "organizationId", "created_at",
                "governancePolicy");
        assertThat(project.get("id").asText()).matches(CUID);
        assertThat(project.get("name").isTextual()).isTrue();
        assertThat(project.get("description").isTextual() || project.get("description").isNull()).isTrue();
        assertThat(project.get("organizationId").asText()).isEqualTo(organizationId);
        assertThat(project.get("created_at").asText()).matches(WIRE_TIME);
        if (project.has("governancePolicy")) {
            assertThat(fieldNames(project.get("governancePolicy"))).containsExactlyInAnyOrder("id", "name");
        }
    }
}
