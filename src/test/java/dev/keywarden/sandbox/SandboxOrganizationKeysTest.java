package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.model.ApiKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.keywarden.sandbox.SandboxClient.assertError;
import static dev.keywarden.sandbox.SandboxClient.assertMaskedKey;
import static dev.keywarden.sandbox.SandboxClient.assertApiKeyShape;
import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static dev.keywarden.sandbox.SandboxClient.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoints 11–16 in the documented shapes ({@code PUT /v1/organization}, {@code /v1/organization/api-keys}),
 * and organisation keys authenticating management calls exactly while they should.
 */
class SandboxOrganizationKeysTest {

    /** The documented raw shape of an organisation key in the US region. */
    private static final Pattern RAW_ORG_KEY = Pattern.compile("confident_us_org_[A-Za-z0-9+/]{43}=");
    private static final String START_KEY = "confident_us_org_00112233445566778899aabbccddeeff";
    private static final String KEYS = "/v1/organization/api-keys";

    private SandboxServer server;
    private SandboxClient admin;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withSeed(3L).withOrgKey(START_KEY));
        admin = new SandboxClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theListIsMaskedInShapeByIdAndHoldsTheStartKey() {
        JsonNode data = assertSuccess(admin.get(KEYS));
        assertThat(fieldNames(data)).containsExactly("apiKeys");
        List<Long> ids = new ArrayList<>();
        for (JsonNode key : data.get("apiKeys")) {
            assertMaskedKey(key);
            long id = key.get("id").asLong();
            ids.add(id);
            String raw = server.store().rawValue(id);
            assertThat(key.get("value").asText()).isEqualTo("***************" + raw.substring(raw.length() - 6));
        }
        assertThat(ids).isSorted().hasSizeBetween(4, 5).startsWith(0L);
        JsonNode startKey = data.get("apiKeys").get(0);
        assertThat(startKey.get("name").asText()).isEqualTo("Sandbox admin key");
        assertThat(startKey.get("valid").asBoolean()).isTrue();
        assertThat(startKey.get("value").asText()).isEqualTo("***************" + START_KEY.substring(START_KEY.length() - 6));
        // The list was asked for with it, so it has been used.
        assertThat(startKey.get("lastUsed").isNull()).isFalse();
        assertThat(data.toString()).doesNotContain(START_KEY);
        for (JsonNode key : data.get("apiKeys")) {
            if (key.get("id").asLong() != 0) {
                assertThat(server.store().rawValue(key.get("id").asLong())).matches(RAW_ORG_KEY);
            }
        }
    }

    @Test
    void oneKeyIsMaskedInShape() {
        ApiKey demo = demoKey();
        JsonNode data = assertSuccess(admin.get(KEYS + "/" + demo.id()));
        assertThat(fieldNames(data)).containsExactly("apiKey");
        assertMaskedKey(data.get("apiKey"));
        assertThat(data.get("apiKey").get("id").asLong()).isEqualTo(demo.id());
        assertThat(data.get("apiKey").get("name").asText()).isEqualTo(demo.name());
        assertThat(data.get("apiKey").get("value").asText()).isEqualTo(demo.value());
    }

    @Test
    void aNewKeyShowsItsRawValueOnceAndTakesTheNextIdOfTheOneSequence() {
        long highest = Math.max(server.store().orgKeys().stream().mapToLong(ApiKey::id).max().orElseThrow(),
                server.store().snapshot().highestKeyId());
        JsonNode data = assertSuccess(admin.post(KEYS, "{\"name\": \"  CI/CD key  \"}"));
        assertThat(fieldNames(data)).containsExactly("apiKey");
        JsonNode created = data.get("apiKey");
        assertApiKeyShape(created);
        assertThat(created.get("value").asText()).matches(RAW_ORG_KEY);
        assertThat(created.get("name").asText()).isEqualTo("CI/CD key");
        assertThat(created.get("valid").asBoolean()).isTrue();
        assertThat(created.get("lastUsed").isNull()).isTrue();
        long id = created.get("id").asLong();
        assertThat(id).isEqualTo(highest + 1);
        String raw = created.get("value").asText();

        JsonNode listed = assertSuccess(admin.get(KEYS + "/" + id)).get("apiKey");
        assertMaskedKey(listed);
        assertThat(listed.get("value").asText()).isEqualTo("***************" + raw.substring(raw.length() - 6));
        assertThat(assertSuccess(admin.get(KEYS)).toString()).doesNotContain(raw);

        String projectId = server.store().projects().get(0).id();
        JsonNode projectKey = assertSuccess(admin.post("/v1/projects/" + projectId + "/api-keys", "{\"name\": \"Next\"}"));
        assertThat(projectKey.get("apiKey").get("id").asLong()).isEqualTo(id + 1);
    }

    @Test
    void aCreatedKeyAuthenticatesManagementCallsAndMovesItsLastUse() {
        JsonNode created = assertSuccess(admin.post(KEYS, "{\"name\": \"Automation\"}")).get("apiKey");
        long id = created.get("id").asLong();
        SandboxClient automation = new SandboxClient(server.baseUrl(), created.get("value").asText());
        Instant before = Instant.now().minusSeconds(1);

        assertSuccess(automation.get("/v1/organization"));
        Instant firstUse = server.store().orgKey(id).orElseThrow().lastUsed();
        assertThat(firstUse).isAfter(before);
        assertSuccess(automation.get("/v1/projects"));
        assertSuccess(automation.post("/v1/projects", "{\"name\": \"Made by automation\"}"));
        assertSuccess(automation.get(KEYS));
        assertThat(server.store().orgKey(id).orElseThrow().lastUsed()).isAfterOrEqualTo(firstUse);
        assertThat(server.store().orgKey(id).orElseThrow().valid()).isTrue();
    }

    @Test
    void aDeactivatedKeyIsRefusedUntilItIsSwitchedOnAgain() {
        JsonNode created = assertSuccess(admin.post(KEYS, "{\"name\": \"Leaky\"}")).get("apiKey");
        long id = created.get("id").asLong();
        SandboxClient leaky = new SandboxClient(server.baseUrl(), created.get("value").asText());
        assertSuccess(leaky.get("/v1/projects"));
        Instant lastUse = server.store().orgKey(id).orElseThrow().lastUsed();

        JsonNode off = assertSuccess(admin.put(KEYS + "/" + id, "{\"valid\": false}"));
        assertThat(fieldNames(off)).containsExactly("apiKey");
        assertMaskedKey(off.get("apiKey"));
        assertThat(off.get("apiKey").get("valid").asBoolean()).isFalse();
        assertThat(off.get("apiKey").get("id").asLong()).isEqualTo(id);

        assertThat(assertError(leaky.get("/v1/projects"), 401)).isEqualTo("Invalid API key");
        assertThat(assertError(leaky.get(KEYS), 401)).isEqualTo("Invalid API key");
        assertThat(assertError(leaky.put(KEYS + "/" + id, "{\"valid\": true}"), 401)).isEqualTo("Invalid API key");
        assertThat(server.store().orgKey(id).orElseThrow().lastUsed()).isEqualTo(lastUse);
        // Switching off twice is not an error.
        assertThat(assertSuccess(admin.put(KEYS + "/" + id, "{\"valid\": false}")).get("apiKey").get("valid").asBoolean())
                .isFalse();

        assertThat(assertSuccess(admin.put(KEYS + "/" + id, "{\"valid\": true}")).get("apiKey").get("valid").asBoolean())
                .isTrue();
        assertSuccess(leaky.get("/v1/projects"));
    }

    @Test
    void aRevokedKeyIsGoneForGood() {
        JsonNode created = assertSuccess(admin.post(KEYS, "{\"name\": \"Short-lived\"}")).get("apiKey");
        long id = created.get("id").asLong();
        SandboxClient revoked = new SandboxClient(server.baseUrl(), created.get("value").asText());

        JsonNode data = assertSuccess(admin.delete(KEYS + "/" + id));
        assertThat(fieldNames(data)).containsExactly("id", "deleted");
        assertThat(data.get("id").isIntegralNumber()).isTrue();
        assertThat(data.get("id").asLong()).isEqualTo(id);
        assertThat(data.get("deleted").asBoolean()).isTrue();

        assertThat(assertError(revoked.get("/v1/organization"), 401)).isEqualTo("Invalid API key");
        assertThat(assertError(admin.get(KEYS + "/" + id), 404)).isEqualTo("API key not found");
        assertThat(assertError(admin.delete(KEYS + "/" + id), 404)).isEqualTo("API key not found");
        assertThat(server.store().orgKeys()).extracting(ApiKey::id).doesNotContain(id);
    }

    @Test
    void theStartKeyCanBeSwitchedOffByAnotherKeyAndIsThenRefused() {
        SandboxClient other = new SandboxClient(server.baseUrl(),
                assertSuccess(admin.post(KEYS, "{\"name\": \"Break glass\"}")).get("apiKey").get("value").asText());
        assertSuccess(admin.put(KEYS + "/0", "{\"valid\": false}"));
        assertThat(assertError(admin.get("/v1/organization"), 401)).isEqualTo("Invalid API key");
        assertThat(server.store().orgKey(0).orElseThrow().valid()).isFalse();
        assertSuccess(other.put(KEYS + "/0", "{\"valid\": true}"));
        assertSuccess(admin.get("/v1/organization"));

        assertSuccess(other.delete(KEYS + "/0"));
        assertThat(assertError(admin.get("/v1/projects"), 401)).isEqualTo("Invalid API key");
        assertThat(assertError(other.get(KEYS + "/0"), 404)).isEqualTo("API key not found");
    }

    @Test
    void projectKeysAndOrganisationKeysNeverStandInForEachOther() {
        ApiKey demo = demoKey();
        String orgRaw = server.store().rawValue(demo.id());
        Instant orgLastUse = demo.lastUsed();
        assertThat(assertError(admin.datasets(orgRaw), 401)).isEqualTo("Invalid API key");
        assertThat(assertError(admin.datasets(START_KEY), 401)).isEqualTo("Invalid API key");
        assertThat(server.store().orgKey(demo.id()).orElseThrow().lastUsed()).isEqualTo(orgLastUse);

        String projectId = server.store().projects().get(0).id();
        ApiKey projectKey = server.store().keys(projectId).stream().filter(ApiKey::valid).findFirst().orElseThrow();
        SandboxClient withProjectKey = new SandboxClient(server.baseUrl(), server.store().rawValue(projectKey.id()));
        assertThat(assertError(withProjectKey.get("/v1/organization"), 401)).isEqualTo("Invalid API key");
        assertThat(assertError(withProjectKey.get(KEYS), 401)).isEqualTo("Invalid API key");
        assertThat(assertError(withProjectKey.get("/v1/projects/" + projectId), 401)).isEqualTo("Invalid API key");
        assertThat(server.store().key(projectId, projectKey.id()).orElseThrow().lastUsed()).isEqualTo(projectKey.lastUsed());
    }

    @Test
    void theOrganisationIsRenamedInTheDocumentedShape() {
        JsonNode old = assertSuccess(admin.get("/v1/organization")).get("organization");
        JsonNode data = assertSuccess(admin.put("/v1/organization", "{\"name\": \"  Acme Labs  \"}"));
        assertThat(fieldNames(data)).containsExactly("organization");
        JsonNode renamed = data.get("organization");
        assertThat(fieldNames(renamed)).containsExactlyInAnyOrder("id", "name", "plan", "created_at");
        assertThat(renamed.get("name").asText()).isEqualTo("Acme Labs");
        assertThat(renamed.get("id")).isEqualTo(old.get("id"));
        assertThat(renamed.get("plan")).isEqualTo(old.get("plan"));
        assertThat(renamed.get("created_at")).isEqualTo(old.get("created_at"));
        assertThat(assertSuccess(admin.get("/v1/organization")).get("organization")).isEqualTo(renamed);
        // Unknown fields are ignored, as elsewhere.
        assertThat(assertSuccess(admin.put("/v1/organization", "{\"name\": \"Acme\", \"plan\": \"FREE\"}"))
                .get("organization").get("plan")).isEqualTo(old.get("plan"));
    }

    @Test
    void aRenameSentAsTextIsRefused() {
        SandboxClient.Response response = admin.send("PUT", "/v1/organization", "{\"name\": \"Acme\"}", "text/plain",
                "CONFIDENT_API_KEY", START_KEY);
        assertThat(assertError(response, 415)).isEqualTo("Content-Type must be application/json");
        assertThat(server.store().organization().name()).isEqualTo("Acme Inc.");
    }

    private ApiKey demoKey() {
        return server.store().orgKeys().stream().filter(k -> k.valid() && k.id() != 0).findFirst().orElseThrow();
    }
}
