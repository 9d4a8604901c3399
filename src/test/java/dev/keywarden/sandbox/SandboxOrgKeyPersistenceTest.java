package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.model.ApiKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static dev.keywarden.sandbox.SandboxClient.assertError;
import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Organisation keys with {@code --data}: keys created through the API are written like project keys (raw value,
 * owner-only); the key the sandbox was started with never is, and is listed again as key 0 at every start.
 */
class SandboxOrgKeyPersistenceTest {

    private static final String START_KEY = "confident_us_org_0123456789abcdef0123456789abcdef";
    private static final String OTHER_START_KEY = "confident_us_org_fedcba9876543210fedcba9876543210";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("sandbox.json");
    }

    private Path journal() {
        return dir.resolve("sandbox.json.journal");
    }

    private SandboxOptions options(String startKey) {
        return SandboxOptions.defaults().withSeed(5L).withDataFile(file()).withOrgKey(startKey);
    }

    @Test
    void createdKeysTheirStateAndTheNameSurviveARestartAndTheStartKeyIsNeverWritten() throws Exception {
        String createdRaw;
        long createdId;
        long demoId;
        String demoRaw;
        try (SandboxServer first = SandboxServer.start(options(START_KEY))) {
            SandboxClient admin = new SandboxClient(first);
            JsonNode created = assertSuccess(admin.post("/v1/organization/api-keys", "{\"name\": \"CI/CD key\"}"))
                    .get("apiKey");
            createdRaw = created.get("value").asText();
            createdId = created.get("id").asLong();
            ApiKey demo = first.store().orgKeys().stream().filter(k -> k.valid() && k.id() != 0).findFirst().orElseThrow();
            demoId = demo.id();
            demoRaw = first.store().rawValue(demoId);
            assertSuccess(admin.put("/v1/organization/api-keys/" + demoId, "{\"valid\": false}"));
            assertSuccess(admin.put("/v1/organization", "{\"name\": \"Acme Labs\"}"));
            assertSuccess(new SandboxClient(first.baseUrl(), createdRaw).get("/v1/projects"));
            assertThat(first.store().orgKey(createdId).orElseThrow().lastUsed()).isNotNull();
        }
        String written = Files.readString(file()) + Files.readString(journal());
        assertThat(written).contains(createdRaw).doesNotContain(START_KEY)
                .doesNotContain(START_KEY.substring(START_KEY.length() - 12));

        try (SandboxServer second = SandboxServer.start(options(START_KEY))) {
            assertThat(second.store().organization().name()).isEqualTo("Acme Labs");
            ApiKey kept = second.store().orgKey(createdId).orElseThrow();
            assertThat(kept.name()).isEqualTo("CI/CD key");
            assertThat(kept.lastUsed()).isNotNull();
            assertThat(second.store().orgKey(demoId).orElseThrow().valid()).isFalse();
            assertSuccess(new SandboxClient(second.baseUrl(), createdRaw).get("/v1/organization/api-keys"));
            assertError(new SandboxClient(second.baseUrl(), demoRaw).get("/v1/projects"), 401);
            assertStartKeyListed(second, START_KEY);
        }
        JsonNode stored = SandboxClient.json(Files.readString(file()));
        assertThat(stored.get("version").asInt()).isEqualTo(SandboxData.VERSION);
        assertThat(stored.get("organizationApiKeys")).extracting(k -> k.get("id").asLong()).contains(createdId, demoId)
                .doesNotContain(0L);
    }

    @Test
    void aKeyTheSandboxWasStartedWithStopsWorkingWhenItStartsWithAnother() throws Exception {
        try (SandboxServer first = SandboxServer.start(options(START_KEY))) {
            assertSuccess(new SandboxClient(first).get("/v1/organization"));
        }
        try (SandboxServer second = SandboxServer.start(options(OTHER_START_KEY))) {
            assertError(new SandboxClient(second.baseUrl(), START_KEY).get("/v1/organization"), 401);
            assertSuccess(new SandboxClient(second).get("/v1/organization"));
            assertStartKeyListed(second, OTHER_START_KEY);
            assertThat(second.store().orgKeys()).filteredOn(k -> k.id() == 0).hasSize(1);
        }
    }

    @Test
    void startingWithTheValueOfACreatedKeyListsThatKeyOnceAndSavesItsUse() throws Exception {
        String createdRaw;
        long createdId;
        try (SandboxServer first = SandboxServer.start(options(START_KEY))) {
            JsonNode created = assertSuccess(new SandboxClient(first).post("/v1/organization/api-keys",
                    "{\"name\": \"Kept admin\"}")).get("apiKey");
            createdRaw = created.get("value").asText();
            createdId = created.get("id").asLong();
        }
        try (SandboxServer second = SandboxServer.start(options(createdRaw))) {
            assertThat(second.store().orgKeys()).extracting(ApiKey::id).doesNotContain(0L).contains(createdId);
            assertSuccess(new SandboxClient(second).get("/v1/projects"));
        }
        try (SandboxServer third = SandboxServer.start(options(START_KEY))) {
            assertThat(third.store().orgKey(createdId).orElseThrow().lastUsed()).isNotNull();
        }
    }

    @Test
    void startingWithAStoredKeyThatIsSwitchedOffSaysSoAndAnotherKeyLetsYouBackIn() throws Exception {
        String createdRaw;
        long createdId;
        try (SandboxServer first = SandboxServer.start(options(START_KEY))) {
            SandboxClient admin = new SandboxClient(first);
            JsonNode created = assertSuccess(admin.post("/v1/organization/api-keys", "{\"name\": \"Off\"}")).get("apiKey");
            createdRaw = created.get("value").asText();
            createdId = created.get("id").asLong();
            assertSuccess(admin.put("/v1/organization/api-keys/" + createdId, "{\"valid\": false}"));
        }
        try (SandboxServer second = SandboxServer.start(options(createdRaw))) {
            assertThat(second.store().notices()).anySatisfy(notice -> assertThat(notice)
                    .contains("organisation API key " + createdId, "switched off", "Start with another key")
                    .doesNotContain(createdRaw.substring(createdRaw.length() - 8)));
            assertError(new SandboxClient(second).get("/v1/organization"), 401);
        }
        try (SandboxServer third = SandboxServer.start(options(START_KEY))) {
            assertThat(third.store().notices()).noneMatch(notice -> notice.contains("switched off"));
            assertSuccess(new SandboxClient(third).put("/v1/organization/api-keys/" + createdId, "{\"valid\": true}"));
        }
        try (SandboxServer fourth = SandboxServer.start(options(createdRaw))) {
            assertSuccess(new SandboxClient(fourth).get("/v1/organization"));
        }
    }

    @Test
    void startingWithTheValueOfAProjectKeyIsRefusedWithoutQuotingIt() throws Exception {
        String projectKey;
        try (SandboxServer first = SandboxServer.start(options(START_KEY))) {
            String projectId = first.store().projects().get(0).id();
            projectKey = first.store().rawValue(first.store().keys(projectId).get(0).id());
        }
        assertThatThrownBy(() -> SandboxServer.start(options(projectKey)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value of a project key")
                .hasMessageNotContaining(projectKey.substring(projectKey.length() - 8));
    }

    @Test
    void aStartKeyThatLooksMaskedIsRefusedSoItIsNeverListedInFull() {
        assertThatThrownBy(() -> SandboxServer.start(SandboxOptions.defaults().withOrgKey("***secret-admin-key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts with *")
                .hasMessageNotContaining("secret-admin-key");
    }

    @Test
    @SuppressWarnings("try") // the second start only has to be running while the files are checked
    void theFileWithCreatedOrgKeysIsOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        try (SandboxServer server = SandboxServer.start(options(START_KEY))) {
            assertSuccess(new SandboxClient(server).post("/v1/organization/api-keys", "{\"name\": \"Private\"}"));
        }
        try (SandboxServer server = SandboxServer.start(options(START_KEY))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal()))).isEqualTo("rw-------");
        }
    }

    @Test
    void everyOrgKeyChangeIsAJournalLineReplayedOnStartButTheStartKeysAreNot() throws Exception {
        long createdId;
        String createdRaw;
        SandboxData before;
        try (SandboxServer server = SandboxServer.start(options(START_KEY))) {
            SandboxClient admin = new SandboxClient(server);
            JsonNode created = assertSuccess(admin.post("/v1/organization/api-keys", "{\"name\": \"Replayed\"}"))
                    .get("apiKey");
            createdId = created.get("id").asLong();
            createdRaw = created.get("value").asText();
            JsonNode doomed = assertSuccess(admin.post("/v1/organization/api-keys", "{\"name\": \"Doomed\"}")).get("apiKey");
            assertSuccess(admin.put("/v1/organization/api-keys/" + createdId, "{\"valid\": false}"));
            assertSuccess(admin.put("/v1/organization/api-keys/" + createdId, "{\"valid\": true}"));
            assertSuccess(admin.delete("/v1/organization/api-keys/" + doomed.get("id").asLong()));
            assertSuccess(admin.put("/v1/organization", "{\"name\": \"Replayed Inc.\"}"));
            SandboxClient withCreated = new SandboxClient(server.baseUrl(), createdRaw);
            assertSuccess(withCreated.get("/v1/organization"));
            int lines = changeKinds().size();
            // The start key: switched off and on again, in memory only.
            assertSuccess(withCreated.put("/v1/organization/api-keys/0", "{\"valid\": false}"));
            assertSuccess(withCreated.put("/v1/organization/api-keys/0", "{\"valid\": true}"));
            assertThat(changeKinds().subList(lines, changeKinds().size())).containsOnly("orgKeyUsed");
            before = server.store().snapshot();
        }
        assertThat(changeKinds()).contains("orgKeyCreated", "orgKeyValiditySet", "orgKeyDeleted", "organizationRenamed",
                "orgKeyUsed");
        try (SandboxServer restarted = SandboxServer.start(options(START_KEY))) {
            assertThat(restarted.store().snapshot()).isEqualTo(before);
            assertSuccess(new SandboxClient(restarted.baseUrl(), createdRaw).get("/v1/organization"));
        }
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {1, 2})
    void aFileWithoutOrgKeysStartsWithTheStartKeyAloneAndKeepsCreatedOnes(int version) throws Exception {
        String projectKey = "confident_us_proj_0123456789abcdef0123456789abcdef";
        Files.writeString(file(), """
                {
                  "format" : "keywarden-sandbox",
                  "version" : %d,%s
                  "organization" : {
                    "id" : "corg00000000000000000000001",
                    "name" : "Acme Inc.",
                    "plan" : "PREMIUM",
                    "created_at" : "2024-01-02T03:04:05.678Z"
                  },
                  "nextKeyId" : 8,
                  "projects" : [ {
                    "project" : {
                      "id" : "cproj0000000000000000000001",
                      "name" : "Checkout Assistant",
                      "description" : null,
                      "organizationId" : "corg00000000000000000000001",
                      "created_at" : "2024-02-03T04:05:06.789Z"
                    },
                    "apiKeys" : [ {
                      "id" : 7,
                      "name" : "Default Key",
                      "valid" : true,
                      "value" : "%s",
                      "created_at" : "2024-02-03T04:05:06.789Z",
                      "lastUsed" : null
                    } ]
                  } ]
                }
                """.formatted(version, version == 1 ? "" : "\n  \"generation\" : 1,", projectKey));
        long createdId;
        try (SandboxServer server = SandboxServer.start(options(START_KEY))) {
            assertThat(server.store().orgKeys()).extracting(ApiKey::id).containsExactly(0L);
            assertStartKeyListed(server, START_KEY);
            createdId = assertSuccess(new SandboxClient(server).post("/v1/organization/api-keys", "{\"name\": \"New\"}"))
                    .get("apiKey").get("id").asLong();
            assertThat(createdId).isEqualTo(8);
            assertError(new SandboxClient(server.baseUrl(), projectKey).get("/v1/projects"), 401);
            // Keys of the older 32-hex shape keep working, and new ones have the real shape.
            assertSuccess(new SandboxClient(server).datasets(projectKey));
            assertThat(server.store().keys("cproj0000000000000000000001").get(0).value()).isEqualTo("***************abcdef");
            assertThat(server.store().rawValue(createdId)).matches("confident_us_org_[A-Za-z0-9+/]{43}=");
        }
        JsonNode migrated = SandboxClient.json(Files.readString(file()));
        assertThat(migrated.get("version").asInt()).isEqualTo(SandboxData.VERSION);
        try (SandboxServer server = SandboxServer.start(options(START_KEY))) {
            assertThat(server.store().orgKeys()).extracting(ApiKey::id).containsExactly(0L, createdId);
            assertThat(server.store().keys("cproj0000000000000000000001")).hasSize(1);
        }
    }

    private static void assertStartKeyListed(SandboxServer server, String startKey) {
        ApiKey listed = server.store().orgKey(0).orElseThrow();
        assertThat(listed.name()).isEqualTo("Sandbox admin key");
        assertThat(listed.valid()).isTrue();
        assertThat(listed.value()).isEqualTo("***************" + startKey.substring(startKey.length() - 6));
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
