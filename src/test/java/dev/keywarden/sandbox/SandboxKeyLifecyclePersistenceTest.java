package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.model.ApiKey;
import dev.keywarden.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.keywarden.sandbox.SandboxClient.assertError;
import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Expiry and rotation with {@code --data}: each is a journal line, replayed and folded into a version-4 snapshot,
 * so a rotation in flight is still in flight after a restart; older files still load.
 */
class SandboxKeyLifecyclePersistenceTest {

    private static final String START_KEY = "confident_us_org_0123456789abcdef0123456789abcdef";
    private static final Instant START = Instant.parse("2026-03-02T09:00:00.000Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(START);

    private Path file() {
        return dir.resolve("sandbox.json");
    }

    private SandboxOptions options() {
        return SandboxOptions.defaults().withEmpty(true).withDataFile(file()).withOrgKey(START_KEY);
    }

    @Test
    void aRotationInFlightAndAnExpirySurviveARestartAndItsCompletionIsSavedToo() throws Exception {
        String projectId;
        long keyId;
        String old;
        String fresh;
        long orgKeyId;
        String orgFresh;
        SandboxData before;
        try (SandboxServer server = SandboxServer.start(options(), clock)) {
            SandboxClient admin = new SandboxClient(server);
            projectId = assertSuccess(admin.post("/v1/projects", "{\"name\": \"Kept\"}")).get("project").get("id").asText();
            String keys = "/v2/projects/" + projectId + "/api-keys";
            JsonNode key = assertSuccess(admin.post(keys, "{\"name\": \"Agent\", \"expiresInDays\": 30}")).get("apiKey");
            keyId = key.get("id").asLong();
            old = key.get("value").asText();
            fresh = assertSuccess(admin.post(keys + "/" + keyId + "/rotate", "{\"gracePeriodInHours\": 2}"))
                    .get("apiKey").get("shadowValue").asText();
            orgKeyId = assertSuccess(admin.post("/v2/organization/api-keys", "{\"name\": \"Bot\"}")).get("apiKey").get("id").asLong();
            orgFresh = assertSuccess(admin.post("/v2/organization/api-keys/" + orgKeyId + "/rotate", "{}"))
                    .get("apiKey").get("value").asText();
            before = server.store().snapshot();
        }
        assertThat(changeKinds()).contains("keyCreated", "keyRotated", "orgKeyCreated", "orgKeyRotated");

        try (SandboxServer restarted = SandboxServer.start(options(), clock)) {
            assertThat(restarted.store().snapshot()).isEqualTo(before);
            SandboxClient admin = new SandboxClient(restarted);
            assertThat(admin.datasets(old).headers().firstValue("Sunset")).hasValue("Mon, 02 Mar 2026 11:00:00 GMT");
            assertSuccess(admin.datasets(fresh));
            assertSuccess(new SandboxClient(restarted.baseUrl(), orgFresh).get("/v1/organization"));
            ApiKey stored = restarted.store().key(projectId, keyId).orElseThrow();
            assertThat(stored.expiresAt()).isEqualTo(START.plus(Duration.ofDays(30)));
            assertThat(stored.rotatesAt()).isEqualTo(START.plus(Duration.ofHours(2)));

            clock.advance(Duration.ofHours(2));
            assertSuccess(admin.get("/v2/projects/" + projectId + "/api-keys"));
        }
        assertThat(changeKinds()).contains("keyRotationCompleted");
        JsonNode snapshot = SandboxClient.json(Files.readString(file()));
        assertThat(snapshot.get("version").asInt()).isEqualTo(4);

        try (SandboxServer third = SandboxServer.start(options(), clock)) {
            ApiKey completed = third.store().key(projectId, keyId).orElseThrow();
            assertThat(completed.isRotationPending()).isFalse();
            assertThat(completed.value()).isEqualTo(ApiKey.mask(fresh));
            SandboxClient admin = new SandboxClient(third);
            assertError(admin.datasets(old), 401);
            assertSuccess(admin.datasets(fresh));
        }
        JsonNode folded = SandboxClient.json(Files.readString(file()));
        JsonNode written = folded.get("projects").get(0).get("apiKeys").get(1);
        assertThat(written.get("value").asText()).as("raw, to authenticate after a restart").isEqualTo(fresh);
        assertThat(written.get("expiresAt").asText()).isEqualTo("2026-04-01T09:00:00.000Z");
        assertThat(written.has("shadowValue")).as("left out when there is none").isFalse();
    }

    @Test
    void aPendingRotationIsWrittenWithItsRawReplacementValue() throws Exception {
        String fresh;
        try (SandboxServer server = SandboxServer.start(options(), clock)) {
            SandboxClient admin = new SandboxClient(server);
            long id = assertSuccess(admin.post("/v2/organization/api-keys", "{\"name\": \"Bot\"}")).get("apiKey").get("id").asLong();
            fresh = assertSuccess(admin.post("/v2/organization/api-keys/" + id + "/rotate", "{\"gracePeriodInHours\": 3}"))
                    .get("apiKey").get("shadowValue").asText();
        }
        try (SandboxServer restarted = SandboxServer.start(options(), clock)) {
            assertSuccess(new SandboxClient(restarted.baseUrl(), fresh).get("/v1/organization"));
        }
        JsonNode written = SandboxClient.json(Files.readString(file())).get("organizationApiKeys").get(0);
        assertThat(written.get("shadowValue").asText()).isEqualTo(fresh);
        assertThat(written.get("rotatesAt").asText()).isEqualTo("2026-03-02T12:00:00.000Z");
    }

    @Test
    void theStartKeysRotationLivesInMemoryOnly() throws Exception {
        String fresh;
        try (SandboxServer server = SandboxServer.start(options(), clock)) {
            fresh = assertSuccess(new SandboxClient(server).post("/v2/organization/api-keys/0/rotate", "{}"))
                    .get("apiKey").get("value").asText();
            assertError(new SandboxClient(server).get("/v1/organization"), 401);
            assertThat(changeKinds()).doesNotContain("orgKeyRotated");
        }
        assertThat(Files.readString(file()) + Files.readString(journal())).doesNotContain(fresh).doesNotContain(START_KEY);
        try (SandboxServer restarted = SandboxServer.start(options(), clock)) {
            assertSuccess(new SandboxClient(restarted).get("/v1/organization"));
            assertError(new SandboxClient(restarted.baseUrl(), fresh).get("/v1/organization"), 401);
        }
    }

    @Test
    void aListThatCannotSaveTheRotationItCompletesAnswers500AndShowsNothingStale() throws Exception {
        FailingWrites writes = new FailingWrites();
        try (SandboxServer server = SandboxServer.start(options(), writes, clock)) {
            SandboxClient admin = new SandboxClient(server);
            long id = assertSuccess(admin.post("/v2/organization/api-keys", "{\"name\": \"Bot\"}")).get("apiKey").get("id").asLong();
            assertSuccess(admin.post("/v2/organization/api-keys/" + id + "/rotate", "{\"gracePeriodInHours\": 1}"));
            ApiKey pending = server.store().orgKey(id).orElseThrow();
            clock.advance(Duration.ofHours(1));

            writes.failing(true);
            assertThat(assertError(admin.get("/v2/organization/api-keys"), 500)).isEqualTo(SandboxStore.NOT_SAVED);
            assertThat(server.store().orgKey(id)).contains(pending);
            writes.failing(false);
            JsonNode listed = assertSuccess(admin.get("/v2/organization/api-keys")).get("apiKeys").get(1);
            assertThat(listed.get("id").asLong()).isEqualTo(id);
            assertThat(listed.get("rotatesAt").isNull()).isTrue();
        }
    }

    @Test
    void aVersion3FileLoadsWithoutExpiryOrRotationAndIsWrittenBackAsVersion4() throws Exception {
        String orgKey = "confident_us_org_fedcba9876543210fedcba9876543210";
        Files.writeString(file(), """
                {
                  "format" : "keywarden-sandbox",
                  "version" : 3,
                  "generation" : 4,
                  "organization" : {"id" : "corg00000000000000000000001", "name" : "Acme Inc.", "plan" : "PREMIUM",
                                    "created_at" : "2024-01-02T03:04:05.678Z"},
                  "nextKeyId" : 9,
                  "projects" : [ ],
                  "organizationApiKeys" : [ {"id" : 8, "name" : "Kept admin", "valid" : true, "value" : "%s",
                                             "created_at" : "2024-02-03T04:05:06.789Z", "lastUsed" : null} ]
                }
                """.formatted(orgKey));
        try (SandboxServer server = SandboxServer.start(options(), clock)) {
            ApiKey kept = server.store().orgKey(8).orElseThrow();
            assertThat(kept.expiresAt()).isNull();
            assertThat(kept.isRotationPending()).isFalse();
            JsonNode v2 = assertSuccess(new SandboxClient(server.baseUrl(), orgKey).get("/v2/organization/api-keys/8")).get("apiKey");
            assertThat(v2.get("expiresAt").isNull()).isTrue();
        }
        assertThat(SandboxClient.json(Files.readString(file())).get("version").asInt()).isEqualTo(4);
    }

    @Test
    void aFileWithAReplacementValueButNoRotationTimeIsRefused() throws Exception {
        Files.writeString(file(), """
                {"format": "keywarden-sandbox", "version": 4, "generation": 1,
                 "organization": {"id": "o", "name": "n", "plan": "FREE", "created_at": "2024-01-02T03:04:05.678Z"},
                 "nextKeyId": 2, "projects": [],
                 "organizationApiKeys": [{"id": 1, "name": "Half", "valid": true,
                   "value": "confident_us_org_fedcba9876543210fedcba9876543210", "created_at": "2024-01-02T03:04:05.678Z",
                   "lastUsed": null, "shadowValue": "confident_us_org_00000000000000000000000000000001"}]}
                """);
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> SandboxServer.start(options(), clock))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("organizationApiKeys[0] has a shadowValue without rotatesAt")
                .hasMessageNotContaining("00000000000000000000000000000001");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    private Path journal() {
        return Journal.pathFor(file());
    }

    private List<String> changeKinds() throws Exception {
        List<String> kinds = new ArrayList<>();
        List<String> lines = Files.readAllLines(journal(), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            kinds.add(SandboxClient.json(line).get("change").asText());
        }
        return kinds;
    }
}
