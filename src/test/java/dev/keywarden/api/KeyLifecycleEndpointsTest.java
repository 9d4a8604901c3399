package dev.keywarden.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.KeyLifetime;
import dev.keywarden.model.RotatedKey;
import dev.keywarden.model.Rotation;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.keywarden.api.NoSecrets.failure;
import static dev.keywarden.api.TestApis.ORG_KEY;
import static dev.keywarden.api.TestApis.error;
import static dev.keywarden.api.TestApis.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The v2 key lifecycle against the shapes in the vendor's reference (fixtures {@code v2-*.json}, keys in the
 * real 44-character base64 shape): what goes on the wire, the three new fields, both rotation answers.
 */
class KeyLifecycleEndpointsTest {
    private static final String P_OLD_MASKED = "***************wlCOI=";
    private static final String P_NEW = "confident_us_proj_/jn/D2Ugct67U0ZNpOkyJXZLcgsmnjfYYA/6A3/ZIbM=";
    private static final String P_NEW_MASKED = "***************/ZIbM=";
    private static final String O_NEW = "confident_us_org_GY/y1uM8P7YrVynhvnaU/u2iblu+kI7wPLfGTz9kJ64=";
    private static final Instant DEC_4 = Instant.parse("2024-12-04T23:00:00.000Z");
    private static final Instant DEC_5 = Instant.parse("2024-12-05T10:15:00.000Z");
    private static final Instant ROTATES = Instant.parse("2025-01-02T12:00:00.000Z");
    private static final Instant MAR_4 = Instant.parse("2025-03-04T23:00:00.000Z");

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final ObjectMapper mapper = new ObjectMapper();
    private HttpConfidentApi api;
    private KeyLifecycleApi v2;

    @BeforeEach
    void openApi() throws Exception {
        api = TestApis.api(server, new RecordingSleeper());
        server.enqueue(fixture("v2-org-api-keys.json"));
        v2 = api.keyLifecycle().orElseThrow();
        expectRequest("GET", "/v2/organization/api-keys", null);
    }

    @AfterEach
    void closeApi() {
        api.close();
    }

    @Test
    void listShowsExpiryAndARotationInFlight() throws Exception {
        server.enqueue(fixture("v2-api-keys.json"));

        var keys = v2.listApiKeys("proj-1");

        assertThat(keys).containsExactly(
                new ApiKey(34, "Production agent key", true, P_OLD_MASKED, DEC_4, DEC_5, MAR_4, null, null),
                new ApiKey(35, "Staging key", true, "***************zNyYQ=", DEC_4, null, null, P_NEW_MASKED, ROTATES),
                new ApiKey(36, null, false, "***************a1b2c3", DEC_4, null));
        assertThat(keys.get(0).isExpiredAt(MAR_4.minusMillis(1))).isFalse();
        assertThat(keys.get(0).isExpiredAt(MAR_4)).isTrue();
        assertThat(keys.get(1).isRotationPending()).isTrue();
        assertThat(keys.get(1).shadowSuffix()).isEqualTo("/ZIbM=");
        assertThat(keys.get(2).expiresAt()).isNull();
        expectRequest("GET", "/v2/projects/proj-1/api-keys", null);
    }

    @Test
    void oneKeyMayShowARotationWhoseTimeHasPassed() throws Exception {
        server.enqueue(fixture("v2-api-key-past-rotation.json"));

        ApiKey key = v2.getApiKey("proj-1", 35);

        assertThat(key.rotatesAt()).isEqualTo(Instant.parse("2024-12-31T12:00:00.000Z")).isBefore(TestApis.NOW);
        assertThat(key.shadowValue()).isEqualTo(P_NEW_MASKED);
        expectRequest("GET", "/v2/projects/proj-1/api-keys/35", null);
    }

    @Test
    void createWithALifetimeSendsExpiresInDaysAndReturnsTheRawValueOnce() throws Exception {
        server.enqueue(fixture("v2-api-key-created.json"));

        ApiKey created = v2.createApiKey("proj-1", "CI key", KeyLifetime.days(90));

        assertThat(created.value()).isEqualTo(P_NEW);
        assertThat(created.expiresAt()).isEqualTo(Instant.parse("2025-04-01T12:00:00.000Z"));
        assertThat(created.toString()).doesNotContain(P_NEW).contains(P_NEW_MASKED);
        expectRequest("POST", "/v2/projects/proj-1/api-keys", "{\"name\":\"CI key\",\"expiresInDays\":90}");
    }

    @Test
    void createWithoutALifetimeLeavesExpiresInDaysOut() throws Exception {
        server.enqueue(fixture("v2-org-api-key-created.json"));

        ApiKey created = v2.createOrganizationApiKey("Expiring admin key", KeyLifetime.NEVER);

        assertThat(created.value()).isEqualTo(O_NEW);
        expectRequest("POST", "/v2/organization/api-keys", "{\"name\":\"Expiring admin key\"}");
    }

    @Test
    void rotatedImmediatelyTheNewValueIsInValue() throws Exception {
        server.enqueue(fixture("v2-api-key-rotated.json"));

        RotatedKey rotated = v2.rotateApiKey("proj-1", 34, Rotation.immediate().withLifetime(KeyLifetime.days(90)));

        assertThat(rotated.newValue()).isEqualTo(P_NEW);
        assertThat(rotated.isPending()).isFalse();
        assertThat(rotated.key().value()).isEqualTo(P_NEW_MASKED);
        assertThat(rotated.key().expiresAt()).isEqualTo(Instant.parse("2025-04-01T12:00:00.000Z"));
        assertThat(rotated.toString()).doesNotContain(P_NEW);
        expectRequest("POST", "/v2/projects/proj-1/api-keys/34/rotate", "{\"gracePeriodInHours\":0,\"expiresInDays\":90}");
    }

    @Test
    void pendingWithTheNewValueInShadowValue() throws Exception {
        server.enqueue(fixture("v2-api-key-rotation-pending.json"));

        RotatedKey rotated = v2.rotateApiKey("proj-1", 34, Rotation.withGrace(Duration.ofHours(24)));

        assertThat(rotated.newValue()).isEqualTo(P_NEW);
        assertThat(rotated.isPending()).isTrue();
        assertThat(rotated.key().rotatesAt()).isEqualTo(ROTATES);
        assertThat(rotated.key().value()).isEqualTo(P_OLD_MASKED);
        assertThat(rotated.key().shadowValue()).as("kept masked").isEqualTo(P_NEW_MASKED);
        assertThat(rotated.key().toString()).doesNotContain(P_NEW);
        expectRequest("POST", "/v2/projects/proj-1/api-keys/34/rotate", "{\"gracePeriodInHours\":24}");
    }

    @Test
    void pendingWithTheNewValueInValueIsReadToo() throws Exception {
        server.enqueue(fixture("v2-api-key-rotation-pending-value-raw.json"));

        RotatedKey rotated = v2.rotateApiKey("proj-1", 34, Rotation.withGrace(Duration.ofHours(1)).withLifetime(KeyLifetime.NEVER));

        assertThat(rotated.newValue()).isEqualTo(P_NEW);
        assertThat(rotated.key().value()).isEqualTo(P_NEW_MASKED);
        assertThat(rotated.isPending()).isTrue();
        expectRequest("POST", "/v2/projects/proj-1/api-keys/34/rotate", "{\"gracePeriodInHours\":1,\"expiresInDays\":null}");
    }

    @Test
    void anAnswerWithoutTheNewValueSaysTheRotationMayHaveHappened() {
        server.enqueue(fixture("v2-api-key-rotation-masked.json"));

        ProtocolException failure = failure(ProtocolException.class, () -> v2.rotateApiKey("proj-1", 34, Rotation.immediate()));

        assertThat(failure.problem()).contains("no unmasked value");
        assertThat(failure.outcomeUnknown()).as("the key may have been rotated").isTrue();
    }

    @Test
    void rotateIsNeverRetried() {
        server.enqueue(error(503, "Maintenance"));
        server.enqueue(fixture("v2-api-key-rotated.json"));

        UnavailableException failure = failure(UnavailableException.class, () -> v2.rotateApiKey("proj-1", 34, Rotation.immediate()));

        assertThat(failure.outcomeUnknown()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2); // the probe and the one rotation
    }

    @Test
    void rotateAnExpiredKeyWithoutALifetimeIsRefusedAs400() {
        server.enqueue(error(400, "expiresInDays is required to rotate an expired key"));

        InvalidRequestException failure = failure(InvalidRequestException.class,
                () -> v2.rotateOrganizationApiKey(12, Rotation.immediate()));

        assertThat(failure.serverError()).contains("expiresInDays");
        assertThat(failure.outcomeUnknown()).isFalse();
    }

    @Test
    void rotateAnOrganizationKeyWithGrace() throws Exception {
        server.enqueue(fixture("v2-org-api-key-rotation-pending.json"));

        RotatedKey rotated = v2.rotateOrganizationApiKey(12, Rotation.withGrace(Duration.ofHours(24)));

        assertThat(rotated.newValue()).isEqualTo(O_NEW);
        assertThat(rotated.key().shadowSuffix()).isEqualTo("9kJ64=");
        expectRequest("POST", "/v2/organization/api-keys/12/rotate", "{\"gracePeriodInHours\":24}");

        server.enqueue(fixture("v2-org-api-key-rotated.json"));
        assertThat(v2.rotateOrganizationApiKey(12, Rotation.immediate()).newValue()).isEqualTo(O_NEW);
        expectRequest("POST", "/v2/organization/api-keys/12/rotate", "{\"gracePeriodInHours\":0}");
    }

    @Test
    void deactivateAndRevokeOnV2() throws Exception {
        server.enqueue(fixture("v2-api-key-deactivated.json"));
        assertThat(v2.setApiKeyValid("proj-1", 34, false).expiresAt()).isEqualTo(MAR_4);
        expectRequest("PUT", "/v2/projects/proj-1/api-keys/34", "{\"valid\":false}");

        server.enqueue(fixture("v2-api-key-deleted.json"));
        v2.revokeApiKey("proj-1", 34);
        expectRequest("DELETE", "/v2/projects/proj-1/api-keys/34", null);

        server.enqueue(fixture("v2-org-api-key-reactivated.json"));
        assertThat(v2.setOrganizationApiKeyValid(12, true).valid()).isTrue();
        expectRequest("PUT", "/v2/organization/api-keys/12", "{\"valid\":true}");

        server.enqueue(fixture("v2-org-api-key-deleted.json"));
        v2.revokeOrganizationApiKey(12);
        expectRequest("DELETE", "/v2/organization/api-keys/12", null);
    }

    @Test
    void aDeletionAnsweredForAnotherKeyIsAProtocolFailure() {
        server.enqueue(fixture("v2-api-key-deleted.json"));

        ProtocolException failure = failure(ProtocolException.class, () -> v2.revokeApiKey("proj-1", 35));

        assertThat(failure.problem()).isEqualTo("data.id does not name what was deleted");
    }

    @Test
    void organizationKeysListAndOne() throws Exception {
        server.enqueue(fixture("v2-org-api-keys.json"));
        assertThat(v2.listOrganizationApiKeys()).singleElement().satisfies(key -> {
            assertThat(key.rotatesAt()).isEqualTo(ROTATES);
            assertThat(key.shadowValue()).isEqualTo("***************9kJ64=");
        });
        expectRequest("GET", "/v2/organization/api-keys", null);

        server.enqueue(fixture("v2-org-api-key.json"));
        assertThat(v2.getOrganizationApiKey(12).expiresAt()).isEqualTo(Instant.parse("2025-06-01T00:00:00.000Z"));
        expectRequest("GET", "/v2/organization/api-keys/12", null);
    }

    @Test
    void everyV2EndpointFailsTypedAndOnlyReadsAndIdempotentChangesAreRetried() {
        for (Map.Entry<String, ThrowingCallable> endpoint : endpoints().entrySet()) {
            server.enqueue(error(401, "Invalid API key"));
            UnauthorizedException refused = failure(UnauthorizedException.class, endpoint.getValue());
            assertThat(refused.path()).as(endpoint.getKey()).startsWith("/v2/");

            int before = server.getRequestCount();
            server.enqueue(error(502, "Bad gateway"));
            server.enqueue(error(404, "API key not found"));
            failure(ApiException.class, endpoint.getValue());
            boolean post = endpoint.getKey().startsWith("POST");
            assertThat(server.getRequestCount() - before).as(endpoint.getKey()).isEqualTo(post ? 1 : 2);
            if (post) {
                // The 404 a retry would have had is still waiting: the same call again gets it.
                failure(NotFoundException.class, endpoint.getValue());
            }
        }
    }

    private Map<String, ThrowingCallable> endpoints() {
        Map<String, ThrowingCallable> endpoints = new LinkedHashMap<>();
        endpoints.put("GET list", () -> v2.listApiKeys("proj-1"));
        endpoints.put("GET one", () -> v2.getApiKey("proj-1", 34));
        endpoints.put("POST create", () -> v2.createApiKey("proj-1", "k", KeyLifetime.days(1)));
        endpoints.put("POST rotate", () -> v2.rotateApiKey("proj-1", 34, Rotation.immediate()));
        endpoints.put("PUT valid", () -> v2.setApiKeyValid("proj-1", 34, false));
        endpoints.put("DELETE revoke", () -> v2.revokeApiKey("proj-1", 34));
        endpoints.put("GET org list", () -> v2.listOrganizationApiKeys());
        endpoints.put("GET org one", () -> v2.getOrganizationApiKey(12));
        endpoints.put("POST org create", () -> v2.createOrganizationApiKey("k", KeyLifetime.NEVER));
        endpoints.put("POST org rotate", () -> v2.rotateOrganizationApiKey(12, Rotation.immediate()));
        endpoints.put("PUT org valid", () -> v2.setOrganizationApiKeyValid(12, true));
        endpoints.put("DELETE org revoke", () -> v2.revokeOrganizationApiKey(12));
        return endpoints;
    }

    @Test
    void v1AnswersHaveNoLifecycleFields() {
        server.enqueue(fixture("api-key.json"));

        ApiKey key = api.getApiKey("proj-1", 34);

        assertThat(key.expiresAt()).isNull();
        assertThat(key.shadowValue()).isNull();
        assertThat(key.rotatesAt()).isNull();
        assertThat(key.isRotationPending()).isFalse();
        assertThat(key.isExpiredAt(Instant.MAX)).isFalse();
    }

    @Test
    void badRotationsAndLifetimesAreRefusedBeforeAnyCall() {
        int before = server.getRequestCount();
        assertThatIllegalArgumentException().isThrownBy(() -> Rotation.withGrace(Duration.ofMinutes(90)));
        assertThatIllegalArgumentException().isThrownBy(() -> Rotation.withGrace(Duration.ofHours(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> KeyLifetime.days(0));
        assertThatIllegalArgumentException().isThrownBy(() -> v2.createApiKey("proj-1", null, KeyLifetime.NEVER));
        assertThatIllegalArgumentException().isThrownBy(() -> v2.listApiKeys(".."));
        assertThat(server.getRequestCount()).isEqualTo(before);
    }

    private void expectRequest(String method, String target, String body) throws Exception {
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        assertThat(request.getMethod()).isEqualTo(method);
        assertThat(request.getTarget()).isEqualTo(target);
        assertThat(request.getHeaders().get("CONFIDENT_API_KEY")).isEqualTo(ORG_KEY);
        if (body == null) {
            assertThat(request.getBodySize()).isZero();
        } else {
            assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
            assertThat(request.getBody().utf8()).isEqualTo(body);
            assertThat(mapper.readTree(request.getBody().utf8()).isObject()).isTrue();
        }
    }
}
