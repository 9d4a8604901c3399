package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static dev.keywarden.sandbox.SandboxClient.assertError;
import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a change cannot be saved the answer says so and nothing changed: not in memory, not on disk.
 * The writer is wrapped so that it fails as a full disk or a read-only folder would.
 */
class SandboxSaveFailureTest {

    @TempDir
    Path dir;

    /** A project with a valid key, and an active organisation key of the demo data, to act on. */
    record Target(String projectId, long keyId, String raw, long orgKeyId, String orgRaw) {
        String orgKey() {
            return "/v1/organization/api-keys/" + orgKeyId;
        }

        String project() {
            return "/v1/projects/" + projectId;
        }

        String keys() {
            return project() + "/api-keys";
        }

        String key() {
            return keys() + "/" + keyId;
        }
    }

    static Stream<Arguments> mutations() {
        return Stream.of(
                mutation("create project", (c, t) -> c.post("/v1/projects", "{\"name\": \"Brand new\"}")),
                mutation("rename project", (c, t) -> c.put(t.project(), "{\"name\": \"Renamed\"}")),
                mutation("change description", (c, t) -> c.put(t.project(), "{\"description\": \"Other\"}")),
                mutation("delete project", (c, t) -> c.delete(t.project())),
                mutation("create key", (c, t) -> c.post(t.keys(), "{\"name\": \"New key\"}")),
                mutation("deactivate key", (c, t) -> c.put(t.key(), "{\"valid\": false}")),
                mutation("delete key", (c, t) -> c.delete(t.key())),
                mutation("create org key", (c, t) -> c.post("/v1/organization/api-keys", "{\"name\": \"New admin\"}")),
                mutation("deactivate org key", (c, t) -> c.put(t.orgKey(), "{\"valid\": false}")),
                mutation("revoke org key", (c, t) -> c.delete(t.orgKey())),
                mutation("rename organization", (c, t) -> c.put("/v1/organization", "{\"name\": \"Renamed Inc.\"}")),
                mutation("create key with a lifetime", (c, t) -> c.post(v2(t.keys()), "{\"name\": \"New key\", \"expiresInDays\": 9}")),
                mutation("rotate key", (c, t) -> c.post(v2(t.key()) + "/rotate", "{}")),
                mutation("rotate key with grace", (c, t) -> c.post(v2(t.key()) + "/rotate", "{\"gracePeriodInHours\": 24}")),
                mutation("create org key with a lifetime", (c, t) -> c.post("/v2/organization/api-keys",
                        "{\"name\": \"New admin\", \"expiresInDays\": 9}")),
                mutation("rotate org key", (c, t) -> c.post(v2(t.orgKey()) + "/rotate", "{\"gracePeriodInHours\": 1}")));
    }

    private static String v2(String v1Path) {
        return v1Path.replaceFirst("^/v1/", "/v2/");
    }

    private static Arguments mutation(String name, BiFunction<SandboxClient, Target, SandboxClient.Response> request) {
        return Arguments.of(name, request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void aChangeThatCannotBeSavedAnswers500AndChangesNothing(String name,
            BiFunction<SandboxClient, Target, SandboxClient.Response> request) throws Exception {
        SandboxOptions options = options();
        FailingWrites writes = new FailingWrites();
        SandboxData before;
        try (SandboxServer server = SandboxServer.start(options, writes)) {
            SandboxClient client = new SandboxClient(server);
            Target target = target(server);
            before = server.store().snapshot();

            writes.failing(true);
            assertThat(assertError(request.apply(client, target), 500)).isEqualTo(SandboxStore.NOT_SAVED);
            assertThat(writes.refused()).isEqualTo(1);

            assertThat(server.store().snapshot()).isEqualTo(before);
            assertSuccess(client.get(target.key()));
            assertSuccess(client.datasets(target.raw()));
            assertSuccess(new SandboxClient(server.baseUrl(), target.orgRaw()).get("/v1/organization"));
            assertThat(server.store().projects()).extracting(Project::name).doesNotContain("Brand new", "Renamed");
            assertThat(server.store().orgKeys()).extracting(ApiKey::name).doesNotContain("New admin");
            assertThat(server.store().organization().name()).isEqualTo("Acme Inc.");
        }
        try (SandboxServer reloaded = SandboxServer.start(options)) {
            assertThat(reloaded.store().snapshot()).isEqualTo(before);
        }
    }

    @Test
    void aProjectCreateRetriedAfterAFailedSaveIsCreatedOnce() throws Exception {
        FailingWrites writes = new FailingWrites();
        try (SandboxServer server = SandboxServer.start(options(), writes)) {
            SandboxClient client = new SandboxClient(server);
            writes.failing(true);
            assertError(client.post("/v1/projects", "{\"name\": \"Retried\"}"), 500);
            writes.failing(false);
            JsonNode created = assertSuccess(client.post("/v1/projects", "{\"name\": \"Retried\"}"));
            assertSuccess(client.datasets(created.get("apiKey").get("value").asText()));
            assertThat(server.store().projects()).extracting(Project::name).containsOnlyOnce("Retried");
        }
        try (SandboxServer reloaded = SandboxServer.start(options())) {
            assertThat(reloaded.store().projects()).extracting(Project::name).containsOnlyOnce("Retried");
        }
    }

    @Test
    void aKeyWhoseLastUseCannotBeSavedIsStillAnsweredAndItsLastUseStays() throws Exception {
        FailingWrites writes = new FailingWrites();
        Target target;
        ApiKey before;
        try (SandboxServer server = SandboxServer.start(options(), writes)) {
            target = target(server);
            before = server.store().key(target.projectId(), target.keyId()).orElseThrow();
            writes.failing(true);
            assertSuccess(new SandboxClient(server).datasets(target.raw()));
            assertThat(writes.refused()).isEqualTo(1);
            assertThat(server.store().key(target.projectId(), target.keyId())).contains(before);
        }
        try (SandboxServer reloaded = SandboxServer.start(options())) {
            assertThat(reloaded.store().key(target.projectId(), target.keyId())).contains(before);
        }
    }

    @Test
    void anOrgKeyWhoseLastUseCannotBeSavedIsStillAcceptedAndItsLastUseStays() throws Exception {
        FailingWrites writes = new FailingWrites();
        Target target;
        ApiKey before;
        try (SandboxServer server = SandboxServer.start(options(), writes)) {
            target = target(server);
            before = server.store().orgKey(target.orgKeyId()).orElseThrow();
            writes.failing(true);
            assertSuccess(new SandboxClient(server.baseUrl(), target.orgRaw()).get("/v1/projects"));
            assertThat(writes.refused()).isEqualTo(1);
            assertThat(server.store().orgKey(target.orgKeyId())).contains(before);
        }
        try (SandboxServer reloaded = SandboxServer.start(options())) {
            assertThat(reloaded.store().orgKey(target.orgKeyId())).contains(before);
        }
    }

    @Test
    void changesToTheStartKeyNeedNoDiskAndSoStillWork() throws Exception {
        FailingWrites writes = new FailingWrites();
        try (SandboxServer server = SandboxServer.start(options(), writes)) {
            Target target = target(server);
            SandboxClient other = new SandboxClient(server.baseUrl(), target.orgRaw());
            writes.failing(true);
            assertSuccess(other.put("/v1/organization/api-keys/0", "{\"valid\": false}"));
            assertError(new SandboxClient(server).get("/v1/organization"), 401);
            assertSuccess(other.put("/v1/organization/api-keys/0", "{\"valid\": true}"));
            assertSuccess(new SandboxClient(server).get("/v1/organization"));
        }
    }

    @Test
    void withoutADataFileAFailedWriteAlsoChangesNothing() throws Exception {
        FailingWrites writes = new FailingWrites();
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withSeed(3L), writes)) {
            Target target = target(server);
            SandboxData before = server.store().snapshot();
            writes.failing(true);
            assertError(new SandboxClient(server).put(target.key(), "{\"valid\": false}"), 500);
            assertThat(server.store().snapshot()).isEqualTo(before);
        }
    }

    private SandboxOptions options() {
        return SandboxOptions.defaults().withSeed(3L).withDataFile(dir.resolve("sandbox.json")).withOrgKey("org-key");
    }

    /** The first project's first valid key, and the first active organisation key of the demo data. */
    private static Target target(SandboxServer server) {
        SandboxStore store = server.store();
        ApiKey orgKey = store.orgKeys().stream().filter(k -> k.valid() && k.id() != 0).findFirst().orElseThrow();
        for (Project project : store.projects()) {
            for (ApiKey key : store.keys(project.id())) {
                if (key.valid()) {
                    return new Target(project.id(), key.id(), store.rawValue(key.id()), orgKey.id(),
                            store.rawValue(orgKey.id()));
                }
            }
        }
        throw new AssertionError("the demo data has no valid key");
    }
}
