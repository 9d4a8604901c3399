package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static dev.keywarden.sandbox.SandboxClient.assertError;
import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code --data FILE}: the state survives restarts, the file is private, and a bad file is refused untouched. */
class SandboxPersistenceTest {

    @TempDir
    Path dir;

    @Test
    void stateAndRawValuesSurviveARestart() throws Exception {
        Path file = dir.resolve("sandbox.json");
        SandboxOptions options = SandboxOptions.defaults().withSeed(5L).withDataFile(file).withOrgKey("org-key-1");
        String projectId;
        String raw;
        long keyId;
        String deactivatedRaw;
        List<Project> projectsBefore;
        try (SandboxServer first = SandboxServer.start(options)) {
            assertThat(file).exists();
            SandboxClient client = new SandboxClient(first);
            projectId = assertSuccess(client.post("/v1/projects", "{\"name\": \"Kept\"}")).get("project").get("id").asText();
            JsonNode key = assertSuccess(client.post("/v1/projects/" + projectId + "/api-keys", "{\"name\": \"Keeper\"}"))
                    .get("apiKey");
            raw = key.get("value").asText();
            keyId = key.get("id").asLong();
            JsonNode other = assertSuccess(client.post("/v1/projects/" + projectId + "/api-keys", "{\"name\": \"Off\"}"))
                    .get("apiKey");
            deactivatedRaw = other.get("value").asText();
            assertSuccess(client.put("/v1/projects/" + projectId + "/api-keys/" + other.get("id").asLong(),
                    "{\"valid\": false}"));
            assertSuccess(client.datasets(raw));
            projectsBefore = first.store().projects();
            assertThat(Files.readString(file)).doesNotContain("org-key-1");
        }

        // Another seed and --empty must not matter: an existing file wins.
        try (SandboxServer second = SandboxServer.start(options.withSeed(99L).withEmpty(true))) {
            SandboxClient client = new SandboxClient(second);
            assertThat(second.store().projects()).isEqualTo(projectsBefore);
            assertThat(second.store().key(projectId, keyId).orElseThrow().lastUsed()).isNotNull();
            assertSuccess(client.datasets(raw));
            assertError(client.datasets(deactivatedRaw), 401);
            long next = assertSuccess(client.post("/v1/projects/" + projectId + "/api-keys", "{\"name\": \"Later\"}"))
                    .get("apiKey").get("id").asLong();
            assertThat(next).isGreaterThan(keyId + 1);
        }
    }

    @Test
    void theFilesAreOwnerOnlyAndNoTemporaryFilesRemain() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("private.json");
        Path journal = dir.resolve("private.json.journal");
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withDataFile(file))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rw-------");
            assertSuccess(new SandboxClient(server).post("/v1/projects", "{\"name\": \"Another\"}"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rw-------");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(file, journal);
        }
    }

    @Test
    @SuppressWarnings("try") // the resource only has to be open during the block
    void aNewFolderForTheDataFileIsOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path folder = dir.resolve("state");
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withDataFile(folder.resolve("s.json")))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        }
    }

    @Test
    void temporaryFilesAKilledRunLeftBehindAreRemovedOnStart() throws Exception {
        Path file = dir.resolve("sandbox.json");
        SandboxServer.start(SandboxOptions.defaults().withDataFile(file)).close();
        String raw = "confident_us_proj_" + "ab".repeat(16);
        List<Path> leftovers = List.of(dir.resolve(".sandbox.json-8123456789012345678.tmp"),
                dir.resolve(".sandbox.json.3.tmp"), dir.resolve(".sandbox.json.journal-42.tmp"));
        List<Path> others = List.of(dir.resolve(".other.json-1.tmp"), dir.resolve("sandbox.json-1.tmp"),
                dir.resolve(".sandbox.json-x.tmp"), dir.resolve("notes.tmp"));
        for (Path path : leftovers) {
            Files.writeString(path, "{\"value\": \"" + raw + "\"}");
        }
        for (Path path : others) {
            Files.writeString(path, "not ours");
        }

        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withDataFile(file))) {
            assertThat(server.store().notices()).singleElement().asString()
                    .startsWith("Removed 3 temporary files").doesNotContain(raw);
        }
        leftovers.forEach(path -> assertThat(path).doesNotExist());
        others.forEach(path -> assertThat(path).hasContent("not ours"));
    }

    @Test
    void aReadOnlyDataFileStopsTheStartAndStaysAsItWas() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("sandbox.json");
        SandboxServer.start(SandboxOptions.defaults().withDataFile(file)).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));

        assertRefused(file, "is read-only");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--------");
    }

    @Test
    void aReadOnlyJournalStopsTheStartToo() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("sandbox.json");
        SandboxServer.start(SandboxOptions.defaults().withDataFile(file)).close();
        Path journal = dir.resolve("sandbox.json.journal");
        Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("r--------"));
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> SandboxServer.start(SandboxOptions.defaults().withDataFile(file)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(journal.toString())
                .hasMessageContaining("is read-only");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("r--------");
    }

    @Test
    void aNullWhereAFlagOrNumberBelongsIsRefusedWithItsPlace() throws Exception {
        Path file = dir.resolve("sandbox.json");
        SandboxServer.start(SandboxOptions.defaults().withSeed(2L).withDataFile(file)).close();
        Files.delete(dir.resolve("sandbox.json.journal"));
        String text = Files.readString(file);

        String validNull = text.replaceFirst("\"valid\" : (true|false)", "\"valid\" : null");
        int line = (int) validNull.substring(0, validNull.indexOf("\"valid\" : null")).chars().filter(c -> c == '\n').count() + 1;
        Files.writeString(file, validNull);
        assertRefused(file, "is not valid sandbox data: projects[0].apiKeys[0].valid is null, line " + line + ", column ");

        Files.writeString(file, text.replaceFirst("\"nextKeyId\" : \\d+", "\"nextKeyId\" : null"));
        assertRefused(file, "nextKeyId is null");
    }

    @Test
    void anEmptyStartCreatesAFileWithoutProjects() throws Exception {
        Path file = dir.resolve("nested/dir/empty.json");
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true).withDataFile(file))) {
            assertThat(server.store().projects()).isEmpty();
        }
        JsonNode stored = SandboxClient.json(Files.readString(file));
        assertThat(stored.get("format").asText()).isEqualTo("keywarden-sandbox");
        assertThat(stored.get("projects").size()).isZero();
    }

    @Test
    void aCorruptFileIsRefusedAndLeftUntouched() throws Exception {
        assertRefused("{\"format\": \"keywarden-sandbox\", \"version\": 1, \"organization\": ", "is not valid JSON");
        assertRefused("", "is empty");
        assertRefused("[1, 2, 3]", "not a Keywarden sandbox data file");
        // Version 4 is the current one (versions 1 to 3 still load); a later one is refused.
        assertRefused("{\"format\": \"keywarden-sandbox\", \"version\": 5}", "has version 5");
        assertRefused("{\"format\": \"keywarden-sandbox\", \"version\": 1}", "\"organization\" is missing");
        assertRefused("{\"format\": \"something-else\", \"version\": 1}", "not a Keywarden sandbox data file");
        assertRefused("{\"format\": \"keywarden-sandbox\", \"version\": 1, \"nextKeyId\": 1, \"projects\": [],"
                + " \"organization\": {\"id\": \"o\", \"name\": \"n\", \"plan\": \"FREE\", \"created_at\": \"yesterday\"}}",
                "(at organization.created_at)");
    }

    @Test
    void duplicateKeyIdsInTheFileAreRefused() throws Exception {
        Path file = dir.resolve("dupes.json");
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withSeed(1L).withDataFile(file))) {
            assertThat(server.store().projects()).isNotEmpty();
        }
        JsonNode stored = SandboxClient.json(Files.readString(file));
        long firstId = stored.get("projects").get(0).get("apiKeys").get(0).get("id").asLong();
        long secondId = stored.get("projects").get(1).get("apiKeys").get(0).get("id").asLong();
        Files.writeString(file, Files.readString(file).replace("\"id\" : " + secondId + ",", "\"id\" : " + firstId + ","));
        assertRefused(file, "appears twice");
    }

    private void assertRefused(String content, String problem) throws Exception {
        Path file = Files.createTempFile(dir, "bad", ".json");
        Files.writeString(file, content);
        assertRefused(file, problem);
    }

    private void assertRefused(Path file, String problem) throws Exception {
        byte[] before = Files.readAllBytes(file);
        FileTime modified = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(file, modified);

        assertThatThrownBy(() -> SandboxServer.start(SandboxOptions.defaults().withDataFile(file)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining(problem);

        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).isEqualTo(new String(before, StandardCharsets.UTF_8));
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    }
}
