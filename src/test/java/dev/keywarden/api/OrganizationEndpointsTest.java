package dev.keywarden.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Organization;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.keywarden.api.NoSecrets.failure;
import static dev.keywarden.api.TestApis.ORG_KEY;
import static dev.keywarden.api.TestApis.error;
import static dev.keywarden.api.TestApis.fixture;
import static dev.keywarden.api.TestApis.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The organisation's own keys and its name: what goes on the wire, the documented answers, the errors, the retry rules. */
class OrganizationEndpointsTest {
    private static final Instant DEC_4 = Instant.parse("2024-12-04T23:00:00.000Z");
    private static final Instant DEC_5 = Instant.parse("2024-12-05T10:15:00.000Z");
    private static final ApiKey CI_KEY = new ApiKey(12, "CI/CD key", true, "***************a1b2c3", DEC_4, DEC_5);

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final ObjectMapper mapper = new ObjectMapper();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private HttpConfidentApi api;

    @BeforeEach
    void openApi() {
        api = TestApis.api(server, sleeper);
    }

    @AfterEach
    void closeApi() {
        api.close();
    }

    @Test
    void renameOrganization() throws Exception {
        server.enqueue(fixture("organization-renamed.json"));

        Organization renamed = api.renameOrganization("Acme Inc.");

        assertThat(renamed).isEqualTo(new Organization("ORGANIZATION-ID", "Acme Inc.", "PREMIUM", DEC_4));
        expectRequest("PUT", "/v1/organization", "{\"name\":\"Acme Inc.\"}");
    }

    @Test
    void listOrganizationApiKeys() throws Exception {
        server.enqueue(fixture("org-api-keys.json"));

        assertThat(api.listOrganizationApiKeys()).containsExactly(CI_KEY);
        expectRequest("GET", "/v1/organization/api-keys", null);
    }

    @Test
    void getOrganizationApiKey() throws Exception {
        server.enqueue(fixture("org-api-key.json"));

        ApiKey key = api.getOrganizationApiKey(12);

        assertThat(key).isEqualTo(CI_KEY);
        assertThat(key.isMasked()).isTrue();
        assertThat(key.suffix()).isEqualTo("a1b2c3");
        expectRequest("GET", "/v1/organization/api-keys/12", null);
    }

    @Test
    void createOrganizationApiKeyReturnsTheRawValueOnce() throws Exception {
        server.enqueue(fixture("org-api-key-created.json"));

        ApiKey created = api.createOrganizationApiKey("CI/CD key");

        assertThat(created.value()).isEqualTo("confident_org_a3f1c9e2b7d84f06a1c2e3d4f5a6b7c8");
        assertThat(created.lastUsed()).isNull();
        assertThat(created.toString()).doesNotContain("confident_org_a3f1").contains("***************a6b7c8");
        assertThat(created.masked().value()).isEqualTo("***************a6b7c8");
        expectRequest("POST", "/v1/organization/api-keys", "{\"name\":\"CI/CD key\"}");
    }

    @Test
    void setOrganizationApiKeyValid() throws Exception {
        server.enqueue(fixture("org-api-key-deactivated.json"));
        server.enqueue(fixture("org-api-key.json"));

        assertThat(api.setOrganizationApiKeyValid(12, false).valid()).isFalse();
        expectRequest("PUT", "/v1/organization/api-keys/12", "{\"valid\":false}");
        assertThat(api.setOrganizationApiKeyValid(12, true).valid()).isTrue();
        expectRequest("PUT", "/v1/organization/api-keys/12", "{\"valid\":true}");
    }

    @Test
    void revokeOrganizationApiKey() throws Exception {
        server.enqueue(fixture("org-api-key-deleted.json"));

        api.revokeOrganizationApiKey(12);

        expectRequest("DELETE", "/v1/organization/api-keys/12", null);
    }

    @Test
    void revokeAnsweredForAnotherKeyIsAProtocolFailure() {
        server.enqueue(fixture("org-api-key-deleted.json"));

        ProtocolException failure = failure(ProtocolException.class, () -> api.revokeOrganizationApiKey(13));

        assertThat(failure.problem()).isEqualTo("data.id does not name what was deleted");
    }

    @Test
    void aMissingNameOnRenameIs400() {
        server.enqueue(error(400, "name is required"));

        InvalidRequestException failure = failure(InvalidRequestException.class, () -> api.renameOrganization(""));

        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.serverError()).isEqualTo("name is required");
        assertThat(failure.path()).isEqualTo("/v1/organization");
        assertThat(failure.outcomeUnknown()).isFalse();
    }

    @Test
    void aNonBooleanValidIs400() {
        server.enqueue(error(400, "valid must be a boolean"));

        InvalidRequestException failure = failure(InvalidRequestException.class, () -> api.setOrganizationApiKeyValid(12, true));

        assertThat(failure.serverError()).isEqualTo("valid must be a boolean");
    }

    @Test
    void everyEndpointTurns401And404IntoTypedFailures() {
        for (Map.Entry<String, ThrowingCallable> endpoint : endpoints().entrySet()) {
            server.enqueue(error(401, "Invalid API key"));
            UnauthorizedException refused = failure(UnauthorizedException.class, endpoint.getValue());
            assertThat(refused.serverError()).as(endpoint.getKey()).isEqualTo("Invalid API key");
            assertThat(refused.summary()).isEqualTo("The server refused the organisation key (401 Invalid API key).");

            server.enqueue(error(404, "API key not found"));
            NotFoundException missing = failure(NotFoundException.class, endpoint.getValue());
            assertThat(missing.path()).as(endpoint.getKey()).startsWith("/v1/organization");
        }
    }

    @Test
    void createIsNeverRetried() {
        server.enqueue(error(503, "Maintenance"));
        server.enqueue(fixture("org-api-key-created.json"));

        UnavailableException failure = failure(UnavailableException.class, () -> api.createOrganizationApiKey("k"));

        assertThat(failure.method()).isEqualTo("POST");
        assertThat(failure.outcomeUnknown()).as("the key may have been created").isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void listSetValidRevokeAndRenameAreRetriedAfter502() {
        for (Map.Entry<String, ThrowingCallable> endpoint : endpoints().entrySet()) {
            if (endpoint.getKey().startsWith("POST")) {
                continue;
            }
            int before = server.getRequestCount();
            server.enqueue(error(502, "Bad gateway"));
            server.enqueue(answerFor(endpoint.getKey()));

            try {
                endpoint.getValue().call();
            } catch (Throwable t) {
                throw new AssertionError(endpoint.getKey() + " failed: " + t, t);
            }

            assertThat(server.getRequestCount() - before).as(endpoint.getKey()).isEqualTo(2);
        }
    }

    @Test
    void nullNamesAreRefusedBeforeAnyCall() {
        assertThatIllegalArgumentException().isThrownBy(() -> api.renameOrganization(null));
        assertThatIllegalArgumentException().isThrownBy(() -> api.createOrganizationApiKey(null));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anUnmaskedValueInAListIsStillNeverPrinted() {
        server.enqueue(json(200, """
                {"success": true, "data": {"apiKeys": [{"id": 1, "name": null, "valid": true,
                 "value": "confident_us_org_00112233445566778899aabbccddeeff", "created_at": "2024-12-04T23:00:00.000Z",
                 "lastUsed": null}]}}"""));

        ApiKey key = api.listOrganizationApiKeys().get(0);

        assertThat(key.toString()).doesNotContain("confident_us_org_0011").contains("ddeeff");
    }

    private Map<String, ThrowingCallable> endpoints() {
        Map<String, ThrowingCallable> endpoints = new LinkedHashMap<>();
        endpoints.put("GET list", () -> api.listOrganizationApiKeys());
        endpoints.put("GET one", () -> api.getOrganizationApiKey(12));
        endpoints.put("POST create", () -> api.createOrganizationApiKey("k"));
        endpoints.put("PUT valid", () -> api.setOrganizationApiKeyValid(12, false));
        endpoints.put("DELETE revoke", () -> api.revokeOrganizationApiKey(12));
        endpoints.put("PUT rename", () -> api.renameOrganization("Acme"));
        return endpoints;
    }

    private static mockwebserver3.MockResponse answerFor(String endpoint) {
        return switch (endpoint) {
            case "GET list" -> fixture("org-api-keys.json");
            case "GET one" -> fixture("org-api-key.json");
            case "PUT valid" -> fixture("org-api-key-deactivated.json");
            case "DELETE revoke" -> fixture("org-api-key-deleted.json");
            case "PUT rename" -> fixture("organization-renamed.json");
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private void expectRequest(String method, String target, String body) throws Exception {
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        assertThat(request.getMethod()).isEqualTo(method);
        assertThat(request.getTarget()).isEqualTo(target);
        assertThat(request.getHeaders().get("CONFIDENT_API_KEY")).isEqualTo(ORG_KEY);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        if (body == null) {
            assertThat(request.getBodySize()).isZero();
        } else {
            assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
            assertThat(request.getBody().utf8()).isEqualTo(body);
            assertThat(mapper.readTree(request.getBody().utf8()).isObject()).isTrue();
        }
    }
}
