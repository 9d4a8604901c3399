package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code FILE.journal}: one line per change, replayed and folded into the data file on start. */
class SandboxJournalTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("sandbox.json");
    }

    private Path journal() {
        return dir.resolve("sandbox.json.journal");
    }

    private SandboxOptions options() {
        return SandboxOptions.defaults().withSeed(11L).withDataFile(file()).withOrgKey("org-key");
    }

    @Test
    void aChangeAppendsOneLineAndLeavesTheDataFileAlone() throws Exception {
        try (SandboxServer server = SandboxServer.start(options())) {
            byte[] snapshot = Files.readAllBytes(file());
            assertThat(lines(journal())).hasSize(1);
            Project project = server.store().projects().get(0);
            long keyId = server.store().keys(project.id()).get(0).id();
            boolean valid = server.store().keys(project.id()).get(0).valid();

            assertSuccess(new SandboxClient(server).put("/v1/projects/" + project.id() + "/api-keys/" + keyId,
                    "{\"valid\": " + !valid + "}"));

            assertThat(Files.readAllBytes(file())).isEqualTo(snapshot);
            List<String> lines = lines(journal());
            assertThat(lines).hasSize(2);
            JsonNode header = SandboxClient.json(lines.get(0));
            assertThat(header.get("format").asText()).isEqualTo(Journal.FORMAT);
            assertThat(header.get("generation").asLong())
                    .isEqualTo(SandboxClient.json(Files.readString(file())).get("generation").asLong());
            JsonNode change = SandboxClient.json(lines.get(1));
            assertThat(change.get("change").asText()).isEqualTo("keyValiditySet");
            assertThat(change.get("keyId").asLong()).isEqualTo(keyId);
            assertThat(change.get("valid").asBoolean()).isEqualTo(!valid);
        }
    }

    @Test
    void aRestartReplaysTheJournalThenFoldsItIntoTheDataFile() throws Exception {
        SandboxData before;
        long generation;
        try (SandboxServer server = SandboxServer.start(options())) {
            makeChanges(server);
            before = server.store().snapshot();
            generation = SandboxClient.json(Files.readString(file())).get("generation").asLong();
            assertThat(lines(journal())).hasSizeGreaterThan(5);
        }
        try (SandboxServer again = SandboxServer.start(options())) {
            assertThat(again.store().snapshot()).isEqualTo(before);
            assertThat(again.store().notices()).isEmpty();
            assertThat(SandboxClient.json(Files.readString(file())).get("generation").asLong()).isEqualTo(generation + 1);
            assertThat(lines(journal())).hasSize(1);
        }
        try (SandboxServer third = SandboxServer.start(options())) {
            assertThat(third.store().snapshot()).isEqualTo(before);
        }
    }

    @Test
    void aTornLastLineIsIgnoredWithANotice() throws Exception {
        SandboxData before;
        try (SandboxServer server = SandboxServer.start(options())) {
            makeChanges(server);
            before = server.store().snapshot();
        }
        String raw = Identifiers.projectKeyValue(new java.util.Random(1));
        Files.writeString(journal(), "{\"change\":\"keyCreated\",\"projectId\":\"x\",\"apiKey\":{\"id\":999,\"value\":\""
                + raw.substring(0, 20), StandardOpenOption.APPEND);

        try (SandboxServer server = SandboxServer.start(options())) {
            assertThat(server.store().snapshot()).isEqualTo(before);
            assertThat(server.store().notices()).singleElement().asString()
                    .contains("incomplete last line", journal().toString())
                    .doesNotContain(raw.substring(0, 20));
        }
        assertThat(Files.readString(journal())).doesNotContain(raw.substring(0, 20));
    }

    @Test
    void theCommandPrintsWhatTheStartNoticed() throws Exception {
        try (SandboxServer server = SandboxServer.start(options())) {
            makeChanges(server);
        }
        Files.writeString(journal(), "{\"change\":\"keyDel", StandardOpenOption.APPEND);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = SandboxCommand.run(new String[] {"--port", "0", "--data", file().toString()}, java.util.Map.of(), print, print,
                new java.util.concurrent.CountDownLatch(0), false);
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Note: Ignored the incomplete last line (line ");
    }

    @Test
    void aDamagedLineBeforeTheLastStopsTheStartWithoutQuotingItAndBothFilesStayAsTheyWere() throws Exception {
        try (SandboxServer server = SandboxServer.start(options())) {
            makeChanges(server);
        }
        String raw = Identifiers.projectKeyValue(new java.util.Random(2));
        List<String> lines = lines(journal());
        lines.set(2, "{\"change\":\"keyValiditySet\",\"keyId\":1,\"valid\":" + raw + "}");
        Files.writeString(journal(), String.join("\n", lines) + "\n");

        assertRefusedUntouched("line 3, column 46", raw);
    }

    @Test
    void aLineThatDoesNotFitTheDataFileStopsTheStart() throws Exception {
        try (SandboxServer server = SandboxServer.start(options())) {
            makeChanges(server);
        }
        Files.writeString(journal(), "{\"change\":\"keyDeleted\",\"keyId\":987654}\n{\"change\":\"keyDeleted\",\"keyId\":1}\n",
                StandardOpenOption.APPEND);
        int line = lines(journal()).size() - 1;
        assertRefusedUntouched("line " + line + " does not fit the data file: it names API key 987654", null);
    }

    @Test
    void aNullWhereABooleanBelongsInTheJournalIsRefused() throws Exception {
        try (SandboxServer server = SandboxServer.start(options())) {
            makeChanges(server);
        }
        Files.writeString(journal(), "{\"change\":\"keyValiditySet\",\"keyId\":1,\"valid\":null}\n",
                StandardOpenOption.APPEND);
        assertRefusedUntouched("(at valid)", null);
    }

    @Test
    void aJournalOlderThanTheDataFileIsLeftOverFromAFoldAndIgnored() throws Exception {
        try (SandboxServer server = SandboxServer.start(options())) {
            makeChanges(server);
        }
        Path stale = dir.resolve("stale");
        Files.copy(journal(), stale);
        SandboxData folded;
        try (SandboxServer server = SandboxServer.start(options())) {
            folded = server.store().snapshot();
        }
        // As if the sandbox died after rewriting the data file and before starting the new journal.
        Files.move(stale, journal(), StandardCopyOption.REPLACE_EXISTING);
        try (SandboxServer server = SandboxServer.start(options())) {
            assertThat(server.store().snapshot()).isEqualTo(folded);
            assertThat(server.store().notices()).singleElement().asString().contains("older than the data file");
        }
    }

    @Test
    void aJournalNewerThanTheDataFileStopsTheStart() throws Exception {
        try (SandboxServer server = SandboxServer.start(options())) {
            makeChanges(server);
        }
        Path oldSnapshot = dir.resolve("old");
        Files.copy(file(), oldSnapshot);
        try (SandboxServer server = SandboxServer.start(options())) {
            makeChanges(server);
        }
        Files.move(oldSnapshot, file(), StandardCopyOption.REPLACE_EXISTING);
        assertRefusedUntouched("do not belong together", null);
    }

    @Test
    void aJournalWithoutItsDataFileStopsTheStart() throws Exception {
        try (SandboxServer server = SandboxServer.start(options())) {
            makeChanges(server);
        }
        Files.delete(file());
        byte[] journal = Files.readAllBytes(journal());
        assertThatThrownBy(() -> SandboxServer.start(options()))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(journal().toString())
                .hasMessageContaining("the data file " + file() + " is not");
        assertThat(Files.readAllBytes(journal())).isEqualTo(journal);
        assertThat(file()).doesNotExist();
    }

    @Test
    void theJournalIsFoldedIntoTheDataFileOnceItOutgrowsTheSnapshot() throws Exception {
        Clock clock = Clock.systemUTC();
        SandboxData expected;
        try (SandboxStore store = SandboxStorage.open(file(), () -> DemoData.empty(new java.util.Random(1), clock.instant()),
                clock, UnaryOperator.identity(), 1)) {
            long generation = generation();
            for (int i = 0; i < 40; i++) {
                store.createProject("Project " + i, null);
            }
            assertThat(generation()).isGreaterThan(generation + 2);
            assertThat(Files.size(journal())).isLessThan(2 * Files.size(file()) + 1);
            expected = store.snapshot();
        }
        try (SandboxStore store = SandboxStorage.open(file(), () -> {
            throw new AssertionError("the file exists");
        }, clock, UnaryOperator.identity(), 1)) {
            assertThat(store.snapshot()).isEqualTo(expected);
        }
    }

    @Test
    void aDataFileOfVersionOneStillLoadsAndIsCarriedForward() throws Exception {
        String raw = "confident_us_proj_0123456789abcdef0123456789abcdef";
        Files.writeString(file(), """
                {
                  "format" : "keywarden-sandbox",
                  "version" : 1,
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
                """.formatted(raw));
        try (SandboxServer server = SandboxServer.start(options())) {
            assertThat(server.store().projects()).extracting(Project::name).containsExactly("Checkout Assistant");
            assertSuccess(new SandboxClient(server).datasets(raw));
            JsonNode created = assertSuccess(new SandboxClient(server).post(
                    "/v1/projects/cproj0000000000000000000001/api-keys", "{\"name\": \"Next\"}"));
            assertThat(created.get("apiKey").get("id").asLong()).isEqualTo(8);
        }
        JsonNode migrated = SandboxClient.json(Files.readString(file()));
        assertThat(migrated.get("version").asInt()).isEqualTo(SandboxData.VERSION);
        assertThat(migrated.get("generation").asLong()).isEqualTo(1);
        try (SandboxServer server = SandboxServer.start(options())) {
            assertThat(server.store().keys("cproj0000000000000000000001")).hasSize(2);
            assertThat(server.store().key("cproj0000000000000000000001", 7).orElseThrow().lastUsed()).isNotNull();
        }
    }

    /** Creates, renames, toggles, deletes and uses keys: every kind of change. */
    private static void makeChanges(SandboxServer server) {
        SandboxClient client = new SandboxClient(server);
        JsonNode created = assertSuccess(client.post("/v1/projects", "{\"name\": \"Journaled " + System.nanoTime() + "\"}"));
        String projectId = created.get("project").get("id").asText();
        String keys = "/v1/projects/" + projectId + "/api-keys";
        assertSuccess(client.put("/v1/projects/" + projectId, "{\"description\": \"changed\"}"));
        JsonNode key = assertSuccess(client.post(keys, "{\"name\": \"second\"}")).get("apiKey");
        assertSuccess(client.put(keys + "/" + key.get("id").asLong(), "{\"valid\": false}"));
        assertSuccess(client.datasets(created.get("apiKey").get("value").asText()));
        JsonNode doomed = assertSuccess(client.post(keys, "{\"name\": \"doomed\"}")).get("apiKey");
        assertSuccess(client.delete(keys + "/" + doomed.get("id").asLong()));
        String other = server.store().projects().get(0).id();
        if (!other.equals(projectId)) {
            assertSuccess(client.delete("/v1/projects/" + other));
        }
    }

    private long generation() throws Exception {
        return SandboxClient.json(Files.readString(file())).get("generation").asLong();
    }

    private void assertRefusedUntouched(String problem, String secret) throws Exception {
        byte[] snapshot = Files.readAllBytes(file());
        byte[] journal = Files.readAllBytes(journal());
        FileTime modified = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(file(), modified);
        Files.setLastModifiedTime(journal(), modified);

        var thrown = assertThatThrownBy(() -> SandboxServer.start(options()))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(journal().toString())
                .hasMessageContaining(problem);
        if (secret != null) {
            thrown.hasMessageNotContaining(secret).hasMessageNotContaining(secret.substring(secret.length() - 12));
        }

        assertThat(Files.readAllBytes(file())).isEqualTo(snapshot);
        assertThat(Files.readAllBytes(journal())).isEqualTo(journal);
        assertThat(Files.getLastModifiedTime(file())).isEqualTo(modified);
        assertThat(Files.getLastModifiedTime(journal())).isEqualTo(modified);
    }

    private static List<String> lines(Path path) throws Exception {
        return new java.util.ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
    }
}
