package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.TemporalUnitOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.keywarden.sandbox.SandboxClient.MASKED;
import static dev.keywarden.sandbox.SandboxClient.RAW_KEY;
import static dev.keywarden.sandbox.SandboxClient.assertApiKeyShape;
import static dev.keywarden.sandbox.SandboxClient.assertError;
import static dev.keywarden.sandbox.SandboxClient.assertMaskedKey;
import static dev.keywarden.sandbox.SandboxClient.assertProjectShape;
import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static dev.keywarden.sandbox.SandboxClient.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every endpoint answers in the documented shape, and project keys authenticate exactly while they should. */
class SandboxHappyPathTest {

    private SandboxServer server;
    private SandboxClient client;
    private String orgId;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withSeed(3L));
        client = new SandboxClient(server);
        orgId = server.store().organization().id();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void organizationHasTheDocumentedFields() {
        JsonNode data = assertSuccess(client.get("/v1/organization"));
        assertThat(fieldNames(data)).containsExactly("organization");
        JsonNode organization = data.get("organization");
        assertThat(fieldNames(organization)).containsExactlyInAnyOrder("id", "name", "plan", "created_at");
        assertThat(organization.get("name").asText()).isEqualTo("Acme Inc.");
        assertThat(organization.get("plan").asText()).isEqualTo("PREMIUM");
        assertThat(organization.get("created_at").asText()).matches(SandboxClient.WIRE_TIME);
    }

    @Test
    void bothHeaderSpellingsCarryTheOrgKey() {
        assertSuccess(client.send("GET", "/v1/organization", null, "CONFIDENT_API_KEY", server.orgKey()));
        assertSuccess(client.send("GET", "/v1/organization", null, "CONFIDENT-API-KEY", server.orgKey()));
        assertSuccess(client.send("GET", "/v1/organization", null, "confident_api_key", server.orgKey()));
    }

    @Test
    void projectsAndKeysAreListedInShapeAndMasked() {
        JsonNode data = assertSuccess(client.get("/v1/projects"));
        assertThat(fieldNames(data)).containsExactly("projects");
        assertThat(data.get("projects").size()).isEqualTo(server.store().projects().size()).isGreaterThan(0);
        for (JsonNode project : data.get("projects")) {
            assertProjectShape(project, orgId);
            JsonNode keys = assertSuccess(client.get("/v1/projects/" + project.get("id").asText() + "/api-keys"));
            assertThat(fieldNames(keys)).containsExactly("apiKeys");
            for (JsonNode key : keys.get("apiKeys")) {
                assertMaskedKey(key);
                String raw = server.store().rawValue(key.get("id").asLong());
                assertThat(key.get("value").asText()).isEqualTo("***************" + raw.substring(raw.length() - 6));
            }
        }
    }

    @Test
    void creatingAProjectReturnsItsDefaultKeyRawOnce() {
        JsonNode data = assertSuccess(client.post("/v1/projects",
                "{\"name\": \"  Billing Agent \", \"description\": \"Invoices\", \"email\": \"owner@acme.test\"}"));
        assertThat(fieldNames(data)).containsExactly("project", "apiKey");
        JsonNode project = data.get("project");
        assertProjectShape(project, orgId);
        assertThat(project.get("name").asText()).isEqualTo("Billing Agent");
        assertThat(project.get("description").asText()).isEqualTo("Invoices");
        assertThat(Instant.parse(project.get("created_at").asText())).isCloseTo(Instant.now(), within());

        JsonNode key = data.get("apiKey");
        assertApiKeyShape(key);
        assertThat(key.get("name").asText()).isEqualTo("Default Key");
        assertThat(key.get("valid").booleanValue()).isTrue();
        assertThat(key.get("lastUsed").isNull()).isTrue();
        String raw = key.get("value").asText();
        assertThat(raw).matches(RAW_KEY);

        String projectId = project.get("id").asText();
        JsonNode listed = assertSuccess(client.get("/v1/projects/" + projectId + "/api-keys")).get("apiKeys");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("value").asText()).isEqualTo(ApiKey.mask(raw));
        assertThat(assertSuccess(client.get("/v1/projects/" + projectId)).get("project")).isEqualTo(project);
    }

    @Test
    void aProjectWithoutDescriptionHasNullDescription() {
        JsonNode project = assertSuccess(client.post("/v1/projects", "{\"name\": \"Bare\"}")).get("project");
        assertThat(project.get("description").isNull()).isTrue();
    }

    @Test
    void updatingAProjectChangesOnlyTheFieldsSent() {
        String id = assertSuccess(client.post("/v1/projects", "{\"name\": \"Alpha\", \"description\": \"First\"}"))
                .get("project").get("id").asText();

        JsonNode renamed = assertSuccess(client.put("/v1/projects/" + id, "{\"name\": \"Alpha Two\"}")).get("project");
        assertThat(renamed.get("name").asText()).isEqualTo("Alpha Two");
        assertThat(renamed.get("description").asText()).isEqualTo("First");

        JsonNode described = assertSuccess(client.put("/v1/projects/" + id, "{\"description\": \"Second\"}"))
                .get("project");
        assertThat(described.get("name").asText()).isEqualTo("Alpha Two");
        assertThat(described.get("description").asText()).isEqualTo("Second");

        JsonNode cleared = assertSuccess(client.put("/v1/projects/" + id, "{\"description\": null}")).get("project");
        assertThat(cleared.get("description").isNull()).isTrue();

        JsonNode recased = assertSuccess(client.put("/v1/projects/" + id, "{\"name\": \"ALPHA TWO\"}")).get("project");
        assertThat(recased.get("name").asText()).isEqualTo("ALPHA TWO");
        assertProjectShape(recased, orgId);

        JsonNode unchanged = assertSuccess(client.put("/v1/projects/" + id, "{}")).get("project");
        assertThat(unchanged).isEqualTo(recased);
    }

    @Test
    void deletingAProjectAnswersWithItsIdAndItIsGone() {
        Project project = server.store().projects().get(0);
        JsonNode data = assertSuccess(client.delete("/v1/projects/" + project.id()));
        assertThat(fieldNames(data)).containsExactly("id", "deleted");
        assertThat(data.get("id").asText()).isEqualTo(project.id());
        assertThat(data.get("deleted").booleanValue()).isTrue();
        assertError(client.get("/v1/projects/" + project.id()), 404);
        assertError(client.get("/v1/projects/" + project.id() + "/api-keys"), 404);
    }

    @Test
    void keyLifecycleShowsTheRawValueOnlyOnCreation() {
        String projectId = server.store().projects().get(0).id();
        String keys = "/v1/projects/" + projectId + "/api-keys";

        JsonNode created = assertSuccess(client.post(keys, "{\"name\": \"Production agent key\"}"));
        assertThat(fieldNames(created)).containsExactly("apiKey");
        JsonNode key = created.get("apiKey");
        assertApiKeyShape(key);
        assertThat(key.get("value").asText()).matches(RAW_KEY);
        assertThat(key.get("valid").booleanValue()).isTrue();
        assertThat(key.get("lastUsed").isNull()).isTrue();
        long id = key.get("id").asLong();
        String raw = key.get("value").asText();
        assertThat(id).isGreaterThan(server.store().snapshot().projects().stream()
                .flatMap(p -> p.apiKeys().stream()).filter(k -> k.id() != id).mapToLong(ApiKey::id).max().orElse(0));

        JsonNode fetched = assertSuccess(client.get(keys + "/" + id)).get("apiKey");
        assertMaskedKey(fetched);
        assertThat(fetched.get("value").asText()).isEqualTo(ApiKey.mask(raw));
        assertThat(fetched.get("name").asText()).isEqualTo("Production agent key");

        JsonNode deactivated = assertSuccess(client.put(keys + "/" + id, "{\"valid\": false}")).get("apiKey");
        assertMaskedKey(deactivated);
        assertThat(deactivated.get("valid").booleanValue()).isFalse();
        assertThat(deactivated.get("value").asText()).matches(MASKED).isEqualTo(ApiKey.mask(raw));
        assertThat(assertSuccess(client.get(keys + "/" + id)).get("apiKey").get("valid").booleanValue()).isFalse();

        JsonNode deleted = assertSuccess(client.delete(keys + "/" + id));
        assertThat(fieldNames(deleted)).containsExactly("id", "deleted");
        assertThat(deleted.get("id").isIntegralNumber()).isTrue();
        assertThat(deleted.get("id").asLong()).isEqualTo(id);
        assertThat(deleted.get("deleted").booleanValue()).isTrue();
        assertError(client.get(keys + "/" + id), 404);
    }

    /** Enough keys that some hold + and / and their masked form shows what the raw value ends in. */
    @Test
    void newKeysHaveTheRealShapeAndTheirMaskShowsTheirLastSixCharacters() {
        String keys = "/v1/projects/" + server.store().projects().get(0).id() + "/api-keys";
        StringBuilder bodies = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            JsonNode key = assertSuccess(client.post(keys, "{\"name\": \"k" + i + "\"}")).get("apiKey");
            String raw = key.get("value").asText();
            assertThat(raw).matches(RAW_KEY);
            assertThat(java.util.Base64.getDecoder().decode(raw.substring("confident_us_proj_".length()))).hasSize(32);
            assertThat(assertSuccess(client.get(keys + "/" + key.get("id").asLong())).get("apiKey").get("value").asText())
                    .isEqualTo("***************" + raw.substring(raw.length() - 6));
            bodies.append(raw.substring("confident_us_proj_".length()));
        }
        assertThat(bodies.toString()).as("20 keys of 43 random base64 characters").contains("+").contains("/");
    }

    @Test
    void aProjectKeyWorksOnDatasetsExactlyWhileItIsActive() {
        String projectId = server.store().projects().get(1).id();
        String keys = "/v1/projects/" + projectId + "/api-keys";
        JsonNode key = assertSuccess(client.post(keys, "{\"name\": \"CI pipeline\"}")).get("apiKey");
        String raw = key.get("value").asText();
        String keyPath = keys + "/" + key.get("id").asLong();

        JsonNode data = assertSuccess(client.datasets(raw));
        assertThat(fieldNames(data)).containsExactly("datasets");
        assertThat(data.get("datasets").size()).isBetween(2, 4);
        for (JsonNode dataset : data.get("datasets")) {
            assertThat(fieldNames(dataset)).containsExactly("alias", "id");
        }
        JsonNode used = assertSuccess(client.get(keyPath)).get("apiKey");
        assertThat(Instant.parse(used.get("lastUsed").asText())).isCloseTo(Instant.now(), within());

        assertSuccess(client.put(keyPath, "{\"valid\": false}"));
        assertThat(assertError(client.datasets(raw), 401)).isEqualTo("Invalid API key");
        assertThat(assertError(client.send("GET", "/v1/datasets", null, "CONFIDENT_API_KEY", raw), 401))
                .isEqualTo("Invalid API key");

        assertSuccess(client.put(keyPath, "{\"valid\": true}"));
        assertSuccess(client.send("GET", "/v1/datasets", null, "CONFIDENT_API_KEY", raw));

        assertSuccess(client.delete(keyPath));
        assertError(client.datasets(raw), 401);
    }

    @Test
    void deletingAProjectRevokesItsKeys() {
        JsonNode created = assertSuccess(client.post("/v1/projects", "{\"name\": \"Short-lived\"}"));
        String raw = created.get("apiKey").get("value").asText();
        assertSuccess(client.datasets(raw));

        assertSuccess(client.delete("/v1/projects/" + created.get("project").get("id").asText()));
        assertError(client.datasets(raw), 401);
    }

    @Test
    void usingAKeyOnlyMovesThatKeysLastUsed() {
        Project project = server.store().projects().get(2);
        ApiKey first = server.store().createKey(project.id(), "one");
        ApiKey second = server.store().createKey(project.id(), "two");
        assertSuccess(client.datasets(first.value()));

        assertThat(server.store().key(project.id(), first.id()).orElseThrow().lastUsed()).isNotNull();
        assertThat(server.store().key(project.id(), second.id()).orElseThrow().lastUsed()).isNull();
        assertThat(server.store().key(project.id(), first.id()).orElseThrow().value()).isEqualTo(ApiKey.mask(first.value()));
    }

    @Test
    void aBodyOfExactlyOneMebibyteIsAccepted() {
        String json = "{\"name\": \"Padded\"}";
        String body = json + " ".repeat(SandboxRequest.MAX_BODY_BYTES - json.length());
        assertSuccess(client.post("/v1/projects", body));
    }

    @Test
    void plannedFaultsAnswerWithoutTouchingTheState() {
        server.failNext("POST", "/v1/projects", 503, "Down for maintenance", 2);
        int before = server.store().projects().size();

        assertThat(assertError(client.post("/v1/projects", "{\"name\": \"Faulty\"}"), 503))
                .isEqualTo("Down for maintenance");
        assertThat(assertError(client.post("/v1/projects", "{\"name\": \"Faulty\"}"), 503))
                .isEqualTo("Down for maintenance");
        assertThat(server.store().projects()).hasSize(before);
        assertSuccess(client.get("/v1/projects"));
        assertSuccess(client.post("/v1/projects", "{\"name\": \"Faulty\"}"));

        server.failNext("*", "/v1/projects/.*", 500, "Boom", 1);
        assertError(client.get("/v1/projects/" + server.store().projects().get(0).id()), 500);
        assertSuccess(client.get("/v1/projects/" + server.store().projects().get(0).id()));
    }

    @Test
    void latencyDelaysEveryResponse() {
        server.setLatency(Duration.ofMillis(150));
        long started = System.nanoTime();
        assertSuccess(client.get("/v1/organization"));
        assertError(client.get("/v1/nowhere"), 404);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        server.setLatency(Duration.ZERO);
        assertThat(server.latency()).isZero();
    }

    @Test
    void closingStopsListening() {
        String baseUrl = server.baseUrl();
        server.close();
        server.close();
        SandboxClient stale = new SandboxClient(baseUrl, server.orgKey());
        assertThatThrownBy(() -> stale.get("/v1/organization"))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void listensOnLoopbackWithAGeneratedOrgKey() {
        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(server.port()).isPositive();
        assertThat(server.orgKey()).matches("confident_us_org_[A-Za-z0-9+/]{43}=");
    }

    private static TemporalUnitOffset within() {
        return Assertions.within(5, ChronoUnit.SECONDS);
    }
}
