package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.model.ApiKey;
import dev.keywarden.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import static dev.keywarden.sandbox.SandboxClient.assertApiKeyShape;
import static dev.keywarden.sandbox.SandboxClient.assertError;
import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static dev.keywarden.sandbox.SandboxClient.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v2 key paths on a clock the test moves: keys that expire, rotation with and without grace, the outgoing
 * value accepted with {@code Sunset} until {@code rotatesAt}, lists completing rotations, one key showing a
 * past {@code rotatesAt}, deletion stopping both values. Shapes as the reference gives them.
 */
class SandboxKeyLifecycleTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00.000Z");
    /** A raw key in the sandbox's shape, old (32 hex) or real (44 base64). */
    private static final Pattern RAW_PROJECT_KEY = Pattern.compile("confident_us_proj_[A-Za-z0-9+/=]{32,64}");
    private static final Pattern RAW_ORG_KEY = Pattern.compile("confident_us_org_[A-Za-z0-9+/=]{32,64}");

    private final MutableClock clock = new MutableClock(START);
    private SandboxServer server;
    private SandboxClient admin;
    private String projectId;
    private String keys;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true), clock);
        admin = new SandboxClient(server);
        projectId = assertSuccess(admin.post("/v1/projects", "{\"name\": \"Checkout\"}")).get("project").get("id").asText();
        keys = "/v2/projects/" + projectId + "/api-keys";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void v2KeysAlwaysShowTheThreeFieldsAndV1KeysNever() {
        JsonNode created = assertSuccess(admin.post(keys, "{\"name\": \"CI key\", \"expiresInDays\": 30}")).get("apiKey");
        assertV2Shape(created);
        assertThat(created.get("value").asText()).matches(RAW_PROJECT_KEY);
        assertThat(created.get("expiresAt").asText()).isEqualTo("2026-04-01T09:00:00.000Z");
        assertThat(created.get("shadowValue").isNull()).isTrue();
        assertThat(created.get("rotatesAt").isNull()).isTrue();
        long id = created.get("id").asLong();

        JsonNode listed = assertSuccess(admin.get(keys)).get("apiKeys");
        assertThat(listed).hasSize(2).allSatisfy(SandboxKeyLifecycleTest::assertV2Shape);
        assertThat(listed.get(1).get("value").asText()).isEqualTo(ApiKey.mask(created.get("value").asText()));
        assertThat(listed.get(0).get("expiresAt").isNull()).as("the default key never expires").isTrue();

        JsonNode v1 = assertSuccess(admin.get("/v1/projects/" + projectId + "/api-keys/" + id)).get("apiKey");
        assertApiKeyShape(v1);
        assertThat(assertSuccess(admin.get("/v1/projects/" + projectId + "/api-keys")).get("apiKeys"))
                .allSatisfy(SandboxClient::assertApiKeyShape);

        JsonNode orgKey = assertSuccess(admin.post("/v2/organization/api-keys", "{\"name\": \"Forever\"}")).get("apiKey");
        assertV2Shape(orgKey);
        assertThat(orgKey.get("value").asText()).matches(RAW_ORG_KEY);
        assertThat(orgKey.get("expiresAt").isNull()).isTrue();
        assertThat(assertSuccess(admin.get("/v2/organization/api-keys")).get("apiKeys")).allSatisfy(SandboxKeyLifecycleTest::assertV2Shape);
    }

    @Test
    void anExpiredKeyIsRefusedOnEveryCallAndStaysListed() {
        String projectKey = createProjectKey("{\"name\": \"One day\", \"expiresInDays\": 1}").get("value").asText();
        JsonNode orgCreated = assertSuccess(admin.post("/v2/organization/api-keys",
                "{\"name\": \"One day admin\", \"expiresInDays\": 1}")).get("apiKey");
        SandboxClient asOrgKey = as(orgCreated.get("value").asText());
        assertSuccess(admin.datasets(projectKey));
        assertSuccess(asOrgKey.get("/v1/projects"));

        clock.advance(Duration.ofDays(1).minusMillis(1));
        assertSuccess(admin.datasets(projectKey));
        assertSuccess(asOrgKey.get("/v2/organization/api-keys"));
        clock.advance(Duration.ofMillis(1));

        assertError(admin.datasets(projectKey), 401);
        assertError(asOrgKey.get("/v1/projects"), 401);
        assertError(asOrgKey.get("/v1/organization"), 401);
        assertError(asOrgKey.get("/v2/organization/api-keys"), 401);
        assertError(asOrgKey.put("/v1/organization/api-keys/" + orgCreated.get("id").asLong(), "{\"valid\": true}"), 401);
        JsonNode listed = assertSuccess(admin.get("/v2/organization/api-keys/" + orgCreated.get("id").asLong())).get("apiKey");
        assertThat(listed.get("valid").booleanValue()).as("expired, not deactivated").isTrue();
        assertThat(listed.get("expiresAt").asText()).isEqualTo("2026-03-03T09:00:00.000Z");
    }

    @Test
    void rotatingWithoutGraceStopsTheOldValueAtOnce() {
        JsonNode key = createProjectKey("{\"name\": \"Agent\", \"expiresInDays\": 10}");
        String old = key.get("value").asText();
        long id = key.get("id").asLong();
        clock.advance(Duration.ofHours(3));

        JsonNode rotated = assertSuccess(admin.post(keys + "/" + id + "/rotate", null)).get("apiKey");

        assertV2Shape(rotated);
        String fresh = rotated.get("value").asText();
        assertThat(fresh).matches(RAW_PROJECT_KEY).isNotEqualTo(old);
        assertThat(rotated.get("shadowValue").isNull()).isTrue();
        assertThat(rotated.get("rotatesAt").isNull()).isTrue();
        assertThat(rotated.get("id").asLong()).isEqualTo(id);
        assertThat(rotated.get("name").asText()).isEqualTo("Agent");
        assertThat(rotated.get("created_at")).isEqualTo(key.get("created_at"));
        assertThat(rotated.get("expiresAt")).as("left out: kept").isEqualTo(key.get("expiresAt"));
        assertError(admin.datasets(old), 401);
        SandboxClient.Response answer = admin.datasets(fresh);
        assertSuccess(answer);
        assertThat(answer.headers().firstValue(SunsetHeaders.SUNSET)).isEmpty();
        assertThat(listedKey(id).get("value").asText()).isEqualTo(ApiKey.mask(fresh));
    }

    @Test
    void withGraceTheOldValueWorksWithSunsetUntilRotatesAtThenTheListCompletesTheRotation() {
        JsonNode key = createProjectKey("{\"name\": \"Agent\"}");
        String old = key.get("value").asText();
        long id = key.get("id").asLong();

        JsonNode rotated = assertSuccess(admin.post(keys + "/" + id + "/rotate", "{\"gracePeriodInHours\": 1}")).get("apiKey");

        assertV2Shape(rotated);
        String fresh = rotated.get("shadowValue").asText();
        assertThat(fresh).matches(RAW_PROJECT_KEY).isNotEqualTo(old);
        assertThat(rotated.get("value").asText()).isEqualTo(ApiKey.mask(old));
        Instant rotatesAt = START.plus(Duration.ofHours(1));
        assertThat(rotated.get("rotatesAt").asText()).isEqualTo("2026-03-02T10:00:00.000Z");

        SandboxClient.Response outgoing = admin.datasets(old);
        assertSuccess(outgoing);
        assertThat(outgoing.headers().firstValue("Sunset")).hasValue("Mon, 02 Mar 2026 10:00:00 GMT");
        assertThat(outgoing.headers().firstValue("X-Api-Key-Warning")).hasValueSatisfying(warning -> assertThat(warning)
                .contains("rotated", "2026-03-02T10:00:00.000Z").doesNotContain(old).doesNotContain(fresh));
        SandboxClient.Response incoming = admin.datasets(fresh);
        assertSuccess(incoming);
        assertThat(incoming.headers().firstValue("Sunset")).isEmpty();
        JsonNode pending = listedKey(id);
        assertThat(pending.get("value").asText()).isEqualTo(ApiKey.mask(old));
        assertThat(pending.get("shadowValue").asText()).isEqualTo(ApiKey.mask(fresh));

        clock.set(rotatesAt.minusMillis(1));
        assertSuccess(admin.datasets(old));
        clock.set(rotatesAt);
        assertError(admin.datasets(old), 401);
        assertSuccess(admin.datasets(fresh));

        JsonNode one = assertSuccess(admin.get(keys + "/" + id)).get("apiKey");
        assertThat(one.get("rotatesAt").asText()).as("one key shows the past rotatesAt").isEqualTo("2026-03-02T10:00:00.000Z");
        assertThat(one.get("shadowValue").asText()).isEqualTo(ApiKey.mask(fresh));

        JsonNode completed = listedKey(id);
        assertThat(completed.get("value").asText()).isEqualTo(ApiKey.mask(fresh));
        assertThat(completed.get("shadowValue").isNull()).isTrue();
        assertThat(completed.get("rotatesAt").isNull()).isTrue();
        assertThat(assertSuccess(admin.get(keys + "/" + id)).get("apiKey").get("rotatesAt").isNull()).isTrue();
        assertSuccess(admin.datasets(fresh));
        assertError(admin.datasets(old), 401);
    }

    @Test
    void theV1ListCompletesRotationsToo() {
        JsonNode key = createProjectKey("{\"name\": \"Agent\"}");
        long id = key.get("id").asLong();
        String fresh = assertSuccess(admin.post(keys + "/" + id + "/rotate", "{\"gracePeriodInHours\": 2}"))
                .get("apiKey").get("shadowValue").asText();
        clock.advance(Duration.ofHours(2));

        JsonNode v1 = assertSuccess(admin.get("/v1/projects/" + projectId + "/api-keys")).get("apiKeys");

        assertThat(v1).filteredOn(k -> k.get("id").asLong() == id).singleElement()
                .satisfies(k -> assertThat(k.get("value").asText()).isEqualTo(ApiKey.mask(fresh)));
        assertThat(server.store().key(projectId, id).orElseThrow().isRotationPending()).isFalse();
    }

    @Test
    void anOrganisationKeyRotatedWithGraceWarnsEveryCallMadeWithTheOldValue() {
        JsonNode key = assertSuccess(admin.post("/v2/organization/api-keys", "{\"name\": \"Deploy bot\"}")).get("apiKey");
        long id = key.get("id").asLong();
        SandboxClient old = as(key.get("value").asText());

        JsonNode rotated = assertSuccess(admin.post("/v2/organization/api-keys/" + id + "/rotate",
                "{\"gracePeriodInHours\": 24}")).get("apiKey");
        SandboxClient fresh = as(rotated.get("shadowValue").asText());
        assertThat(rotated.get("shadowValue").asText()).matches(RAW_ORG_KEY);

        for (SandboxClient.Response answer : new SandboxClient.Response[] {
                old.get("/v1/projects"), old.get("/v2/organization/api-keys"), old.get("/v1/projects/cnotaproject000000000000000")}) {
            assertThat(answer.headers().firstValue("Sunset")).hasValue("Tue, 03 Mar 2026 09:00:00 GMT");
            assertThat(answer.headers().firstValue("X-Api-Key-Warning")).isPresent();
        }
        assertThat(fresh.get("/v1/projects").headers().firstValue("Sunset")).isEmpty();

        clock.advance(Duration.ofHours(24));
        assertError(old.get("/v1/projects"), 401);
        assertSuccess(fresh.get("/v1/organization"));
    }

    @Test
    void aRotationKeepsSetsOrRemovesTheExpiry() {
        long id = createProjectKey("{\"name\": \"Agent\", \"expiresInDays\": 10}").get("id").asLong();
        String rotate = keys + "/" + id + "/rotate";

        assertThat(rotateAnswer(rotate, "{}").get("expiresAt").asText()).isEqualTo("2026-03-12T09:00:00.000Z");
        assertThat(rotateAnswer(rotate, "{\"expiresInDays\": 90}").get("expiresAt").asText()).isEqualTo("2026-05-31T09:00:00.000Z");
        assertThat(rotateAnswer(rotate, "{\"expiresInDays\": null}").get("expiresAt").isNull()).isTrue();
        assertThat(listedKey(id).get("expiresAt").isNull()).isTrue();
    }

    @Test
    void aGracePeriodNeverRunsPastTheExpiry() {
        long id = createProjectKey("{\"name\": \"Agent\", \"expiresInDays\": 1}").get("id").asLong();

        JsonNode rotated = rotateAnswer(keys + "/" + id + "/rotate", "{\"gracePeriodInHours\": 48}");

        assertThat(rotated.get("rotatesAt")).isEqualTo(rotated.get("expiresAt"));
        assertThat(rotated.get("rotatesAt").asText()).isEqualTo("2026-03-03T09:00:00.000Z");
    }

    @Test
    void anExpiredKeyIsRotatedOnlyWithANewLifetimeAndWithoutGrace() {
        JsonNode key = createProjectKey("{\"name\": \"Lapsed\", \"expiresInDays\": 1}");
        long id = key.get("id").asLong();
        String rotate = keys + "/" + id + "/rotate";
        clock.advance(Duration.ofDays(2));

        assertThat(assertError(admin.post(rotate, "{}"), 400)).isEqualTo(
                "This key has expired: rotating it needs \"expiresInDays\" (a number of days, or null for no expiry)");
        assertThat(assertError(admin.post(rotate, "{\"gracePeriodInHours\": 1, \"expiresInDays\": 30}"), 400))
                .isEqualTo("This key has expired, so it cannot take a grace period");
        assertThat(listedKey(id).get("value").asText()).as("nothing changed").isEqualTo(ApiKey.mask(key.get("value").asText()));

        JsonNode rotated = rotateAnswer(rotate, "{\"gracePeriodInHours\": 0, \"expiresInDays\": 30}");

        assertThat(rotated.get("expiresAt").asText()).isEqualTo("2026-04-03T09:00:00.000Z");
        assertSuccess(admin.datasets(rotated.get("value").asText()));
        assertError(admin.datasets(key.get("value").asText()), 401);
    }

    @Test
    void aSecondRotationWhileOneIsInFlightIsAConflictUntilItsTime() {
        JsonNode key = createProjectKey("{\"name\": \"Agent\"}");
        long id = key.get("id").asLong();
        String rotate = keys + "/" + id + "/rotate";
        String first = rotateAnswer(rotate, "{\"gracePeriodInHours\": 5}").get("shadowValue").asText();

        assertThat(assertError(admin.post(rotate, "{}"), 409))
                .isEqualTo("A rotation of this key is already in flight; it completes at 2026-03-02T14:00:00.000Z");

        clock.advance(Duration.ofHours(5));
        JsonNode second = rotateAnswer(rotate, "{\"gracePeriodInHours\": 1}");
        assertThat(second.get("value").asText()).as("the first rotation completed first").isEqualTo(ApiKey.mask(first));
        assertThat(admin.datasets(first).headers().firstValue("Sunset")).hasValue("Mon, 02 Mar 2026 15:00:00 GMT");
        assertError(admin.datasets(key.get("value").asText()), 401);
    }

    @Test
    void deletingStopsBothValues() {
        JsonNode key = createProjectKey("{\"name\": \"Agent\"}");
        long id = key.get("id").asLong();
        String fresh = rotateAnswer(keys + "/" + id + "/rotate", "{\"gracePeriodInHours\": 24}").get("shadowValue").asText();

        JsonNode deleted = assertSuccess(admin.delete(keys + "/" + id));

        assertThat(fieldNames(deleted)).containsExactly("id");
        assertThat(deleted.get("id").asLong()).isEqualTo(id);
        assertError(admin.datasets(key.get("value").asText()), 401);
        assertError(admin.datasets(fresh), 401);
        assertError(admin.get(keys + "/" + id), 404);
        JsonNode orgKey = assertSuccess(admin.post("/v2/organization/api-keys", "{\"name\": \"Gone\"}")).get("apiKey");
        long orgId = orgKey.get("id").asLong();
        String orgFresh = rotateAnswer("/v2/organization/api-keys/" + orgId + "/rotate", "{\"gracePeriodInHours\": 2}")
                .get("shadowValue").asText();
        assertThat(assertSuccess(admin.delete("/v2/organization/api-keys/" + orgId)).get("id").asLong()).isEqualTo(orgId);
        assertError(as(orgKey.get("value").asText()).get("/v1/projects"), 401);
        assertError(as(orgFresh).get("/v1/projects"), 401);
    }

    @Test
    void deactivatingStopsBothValuesAndReactivatingBringsTheSameOnesBack() {
        JsonNode key = createProjectKey("{\"name\": \"Agent\"}");
        long id = key.get("id").asLong();
        String old = key.get("value").asText();
        String fresh = rotateAnswer(keys + "/" + id + "/rotate", "{\"gracePeriodInHours\": 24}").get("shadowValue").asText();

        JsonNode off = assertSuccess(admin.put(keys + "/" + id, "{\"valid\": false}")).get("apiKey");

        assertV2Shape(off);
        assertThat(off.get("valid").booleanValue()).isFalse();
        assertThat(off.get("shadowValue").asText()).isEqualTo(ApiKey.mask(fresh));
        assertError(admin.datasets(old), 401);
        assertError(admin.datasets(fresh), 401);

        assertSuccess(admin.put(keys + "/" + id, "{\"valid\": true}"));
        assertThat(admin.datasets(old).headers().firstValue("Sunset")).isPresent();
        assertSuccess(admin.datasets(fresh));
    }

    @Test
    void aDeactivatedKeyCanBeRotatedAndStaysDeactivated() {
        long id = createProjectKey("{\"name\": \"Parked\"}").get("id").asLong();
        assertSuccess(admin.put("/v1/projects/" + projectId + "/api-keys/" + id, "{\"valid\": false}"));

        JsonNode rotated = rotateAnswer(keys + "/" + id + "/rotate", "{}");

        assertThat(rotated.get("valid").booleanValue()).isFalse();
        assertError(admin.datasets(rotated.get("value").asText()), 401);
    }

    @Test
    void theKeyTheSandboxStartedWithRotatesLikeAnyOther() {
        JsonNode rotated = rotateAnswer("/v2/organization/api-keys/0/rotate", "{\"gracePeriodInHours\": 1}");
        SandboxClient fresh = as(rotated.get("shadowValue").asText());

        assertThat(admin.get("/v1/organization").headers().firstValue("Sunset")).hasValue("Mon, 02 Mar 2026 10:00:00 GMT");
        assertSuccess(fresh.get("/v1/organization"));
        clock.advance(Duration.ofHours(1));
        assertError(admin.get("/v1/organization"), 401);
        JsonNode listed = assertSuccess(fresh.get("/v2/organization/api-keys")).get("apiKeys").get(0);
        assertThat(listed.get("id").asLong()).isZero();
        assertThat(listed.get("value").asText()).isEqualTo(ApiKey.mask(rotated.get("shadowValue").asText()));
    }

    private JsonNode createProjectKey(String body) {
        return assertSuccess(admin.post(keys, body)).get("apiKey");
    }

    private JsonNode rotateAnswer(String path, String body) {
        JsonNode rotated = assertSuccess(admin.post(path, body)).get("apiKey");
        assertV2Shape(rotated);
        return rotated;
    }

    private JsonNode listedKey(long id) {
        JsonNode listed = assertSuccess(admin.get(keys)).get("apiKeys");
        for (JsonNode key : listed) {
            if (key.get("id").asLong() == id) {
                assertV2Shape(key);
                return key;
            }
        }
        throw new AssertionError("key " + id + " is not listed");
    }

    private SandboxClient as(String key) {
        return new SandboxClient(server.baseUrl(), key);
    }

    private static void assertV2Shape(JsonNode key) {
        assertThat(fieldNames(key)).containsExactly("id", "name", "valid", "value", "created_at", "lastUsed", "expiresAt",
                "shadowValue", "rotatesAt");
        for (String time : new String[] {"created_at", "lastUsed", "expiresAt", "rotatesAt"}) {
            assertThat(key.get(time).isNull() || SandboxClient.WIRE_TIME.matcher(key.get(time).asText()).matches())
                    .as(time).isTrue();
        }
        assertThat(key.get("shadowValue").isNull()).isEqualTo(key.get("rotatesAt").isNull());
    }
}
