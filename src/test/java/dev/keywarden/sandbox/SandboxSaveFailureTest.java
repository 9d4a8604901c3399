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

    /** A project with a valid key to act on, in a seeded demo organisation. */
    record Target(String projectId, long keyId, String raw) {
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
                mutation("delete key", (c, t) -> c.delete(t.key())));
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
            assertThat(server.store().projects()).extracting(Project::name).doesNotContain("Brand new", "Renamed");
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

    /** The first project's first valid key. */
    private static Target target(SandboxServer server) {
        SandboxStore store = server.store();
        for (Project project : store.projects()) {
            for (ApiKey key : store.keys(project.id())) {
                if (key.valid()) {
                    return new Target(project.id(), key.id(), store.rawValue(key.id()));
                }
            }
        }
        throw new AssertionError("the demo data has no valid key");
    }
}
