package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A line the disk took only half of is cut off again, so the journal never holds a torn line in its middle. */
class JournalTest {

    @TempDir
    Path dir;

    private DataFile file;
    private SandboxData data;
    private FailingFile journalFile;
    private final List<Long> keyIds = new ArrayList<>();

    @BeforeEach
    void start() {
        file = new DataFile(dir.resolve("sandbox.json"));
        data = DemoData.generate(new Random(5), Instant.parse("2025-06-01T12:00:00Z"));
        data.projects().forEach(p -> p.apiKeys().forEach(k -> keyIds.add(k.id())));
    }

    private Journal open() throws IOException {
        return Journal.startAfter(file, 0, data, Journal.DEFAULT_MIN_COMPACT_BYTES, path -> {
            journalFile = new FailingFile(Journal.FILES.open(path));
            return journalFile;
        });
    }

    @Test
    void aHalfWrittenLineIsCutOffAndTheNextChangeFollowsAWholeLine() throws Exception {
        try (Journal journal = open()) {
            journal.write(new Change.KeyValiditySet(keyIds.get(0), false));
            long whole = Files.size(journal.path());

            journalFile.failWrites = true;
            assertThatThrownBy(() -> journal.write(new Change.KeyValiditySet(keyIds.get(1), false)))
                    .isInstanceOf(IOException.class);
            assertThat(Files.size(journal.path())).isEqualTo(whole);

            journalFile.failWrites = false;
            journal.write(new Change.KeyValiditySet(keyIds.get(2), false));
        }
        StoreState replayed = new StoreState(data);
        List<String> notices = new ArrayList<>();
        Journal.replay(Journal.pathFor(file.path()), 1, replayed, notices);
        assertThat(notices).isEmpty();
        assertThat(replayed.existingKey(keyIds.get(0)).valid()).isFalse();
        assertThat(replayed.existingKey(keyIds.get(1))).isEqualTo(new StoreState(data).existingKey(keyIds.get(1)));
        assertThat(replayed.existingKey(keyIds.get(2)).valid()).isFalse();
    }

    @Test
    void whenTheHalfLineCannotBeCutOffNoFurtherChangeIsAccepted() throws Exception {
        try (Journal journal = open()) {
            journalFile.failWrites = true;
            journalFile.failTruncates = true;
            assertThatThrownBy(() -> journal.write(new Change.KeyValiditySet(keyIds.get(0), false)))
                    .isInstanceOf(IOException.class);

            journalFile.failWrites = false;
            journalFile.failTruncates = false;
            long size = Files.size(journal.path());
            assertThatThrownBy(() -> journal.write(new Change.KeyValiditySet(keyIds.get(1), false)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("until the sandbox is restarted");
            assertThat(Files.size(journal.path())).isEqualTo(size);
        }
    }

    @Test
    void aThreadWithItsInterruptFlagSetStillWritesAndDoesNotStopLaterWrites() throws Exception {
        try (Journal journal = Journal.startAfter(file, 0, data, Journal.DEFAULT_MIN_COMPACT_BYTES)) {
            Thread.currentThread().interrupt();
            try {
                journal.write(new Change.KeyValiditySet(keyIds.get(0), false));
            } finally {
                assertThat(Thread.interrupted()).isTrue();
            }
            journal.write(new Change.KeyValiditySet(keyIds.get(1), false));
        }
        assertThat(Files.readAllLines(Journal.pathFor(file.path()))).hasSize(3);
    }

    @Test
    void aChangeIsOneLineWithTheRawValueOfACreatedKey() throws Exception {
        ApiKey key = new ApiKey(999, "New", true, "confident_us_proj_" + "0f".repeat(16), Instant.parse("2025-06-02T00:00:00Z"), null);
        try (Journal journal = open()) {
            journal.write(new Change.KeyCreated(data.projects().get(0).project().id(), key));
        }
        List<String> lines = Files.readAllLines(Journal.pathFor(file.path()));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("{\"change\":\"keyCreated\"").contains(key.value());
    }
}
