package dev.keywarden.core.audit;

import dev.keywarden.common.OwnerOnlyFiles;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The audit file when things go wrong around it: bad bytes, torn appends, interrupts, permissions, several writers. */
class AuditFileRobustnessTest {
    /** A real-shaped project key: the prefix, 43 characters of standard base64 and the closing {@code =}. */
    private static final String RAW = "confident_us_proj_Qm9uam91ciBsZXMgYW1pcyBkdSBjbG91ZCBrZXlzIQ+/AbcdE=";
    private static final Instant T = Instant.parse("2026-03-01T02:00:00Z");
    private static final AuditContext CONTEXT = new AuditContext("Production", "org_1", "Acme");
    private static final KeyEntry CI = KeyEntry.ofProject(new Project("p1", "Docs", null, "org_1", Instant.EPOCH, null),
            new ApiKey(3, "ci", true, RAW, Instant.EPOCH, null));

    @TempDir
    Path home;

    private static AuditEntry entry(Instant time, KeyAction action) {
        return AuditEntry.succeeded(CONTEXT, time, CI, action, "Done.", null);
    }

    @Test
    void oneInvalidUtf8ByteLosesOnlyItsOwnLine() throws Exception {
        AuditTrail trail = new AuditTrail(home);
        trail.append(entry(T, KeyAction.DEACTIVATE));
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.write("{\"time\":\"2026-03-01T02:00:30.000Z\",\"profile\":\"Caf".getBytes(StandardCharsets.US_ASCII));
        bad.write(0xE9); // Latin-1 "é": not UTF-8
        bad.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(trail.file(), bad.toByteArray(), StandardOpenOption.APPEND);
        trail.append(entry(T.plusSeconds(60), KeyAction.ACTIVATE));

        AuditLog log = trail.read(AuditFilter.ALL);

        assertThat(log.entries()).extracting(AuditEntry::action).containsExactly(KeyAction.DEACTIVATE, KeyAction.ACTIVATE);
        assertThat(log.skippedLines()).isEqualTo(1);
    }

    @Test
    void anAppendAfterATornLineStartsALineOfItsOwn() throws Exception {
        AuditTrail trail = new AuditTrail(home);
        trail.append(entry(T, KeyAction.DEACTIVATE));
        String whole = Files.readString(trail.file());
        // What a full disk or a crash leaves: the first half of an entry, no newline.
        Files.writeString(trail.file(), whole.substring(0, whole.length() / 2), StandardOpenOption.APPEND);

        trail.append(entry(T.plusSeconds(60), KeyAction.ACTIVATE));

        AuditLog log = trail.read(AuditFilter.ALL);
        assertThat(log.entries()).extracting(AuditEntry::action).containsExactly(KeyAction.DEACTIVATE, KeyAction.ACTIVATE);
        assertThat(log.skippedLines()).as("the torn half is kept as a line that cannot be read").isEqualTo(1);
        List<String> lines = Files.readAllLines(trail.file());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).startsWith("{\"time\":\"2026-03-01T02:01:00.000Z\"");
    }

    @Test
    void aWriteCutShortByAFullDiskLeavesNoHalfLineBehind() throws Exception {
        AtomicBoolean diskFull = new AtomicBoolean();
        AuditTrail trail = new AuditTrail(home, (channel, bytes, position) -> {
            if (diskFull.get()) {
                // A real short write: half of the line reaches the real file, then the disk is full.
                bytes.limit(bytes.limit() / 2);
                AuditFile.ALL_OF_IT.write(channel, bytes, position);
                throw new IOException("No space left on device (simulated)");
            }
            AuditFile.ALL_OF_IT.write(channel, bytes, position);
        });
        trail.append(entry(T, KeyAction.DEACTIVATE));
        long before = Files.size(trail.file());

        diskFull.set(true);
        assertThatThrownBy(() -> trail.append(entry(T.plusSeconds(1), KeyAction.REVOKE)))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("No space left on device (simulated)")
                .hasMessageContaining("The change itself was not undone");
        assertThat(Files.size(trail.file())).as("the half line is cut off again").isEqualTo(before);

        diskFull.set(false);
        trail.append(entry(T.plusSeconds(2), KeyAction.ACTIVATE));
        AuditLog log = trail.read(AuditFilter.ALL);
        assertThat(log.entries()).extracting(AuditEntry::action).containsExactly(KeyAction.DEACTIVATE, KeyAction.ACTIVATE);
        assertThat(log.skippedLines()).isZero();
        assertThat(log.chain().intact()).isTrue();
    }

    @Test
    void aCallerInterruptedWhileItsEntryIsBeingWrittenWaitsForIt() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch diskAnswers = new CountDownLatch(1);
        AuditTrail trail = new AuditTrail(home, (channel, bytes, position) -> {
            writing.countDown();
            awaitUninterruptibly(diskAnswers);
            AuditFile.ALL_OF_IT.write(channel, bytes, position);
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread bulkRun = new Thread(() -> {
            try {
                trail.append(entry(T, KeyAction.DEACTIVATE));
            } catch (Throwable e) {
                failure.set(e);
            }
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        bulkRun.start();
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
        bulkRun.interrupt(); // e.g. the run is cancelled, or the window closes
        diskAnswers.countDown();
        bulkRun.join(30_000);

        assertThat(failure.get()).isNull();
        assertThat(interruptKept.get()).isTrue();
        assertThat(trail.read(AuditFilter.ALL).entries()).extracting(AuditEntry::action).containsExactly(KeyAction.DEACTIVATE);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // the audit thread is never interrupted; keep waiting if it were
            }
        }
    }

    @Test
    void anAppendFromAnInterruptedThreadStillLands() throws Exception {
        AuditTrail trail = new AuditTrail(home);
        trail.append(entry(T, KeyAction.DEACTIVATE));

        Thread.currentThread().interrupt();
        try {
            trail.append(entry(T.plusSeconds(1), KeyAction.ACTIVATE));
        } finally {
            assertThat(Thread.interrupted()).as("the caller's interrupt is kept for it to act on").isTrue();
        }
        trail.append(entry(T.plusSeconds(2), KeyAction.DEACTIVATE));

        assertThat(trail.read(AuditFilter.ALL).entries()).hasSize(3);
    }

    @Test
    void entriesAreListedInTimeOrderWhateverOrderTheyWereWrittenIn() throws Exception {
        AuditTrail console = new AuditTrail(home);
        AuditTrail commandLine = new AuditTrail(home);
        // A bulk run from the command line records its start time after the console wrote a later change.
        console.append(entry(T.plusSeconds(30), KeyAction.ACTIVATE));
        commandLine.append(entry(T, KeyAction.DEACTIVATE));
        commandLine.append(entry(T.plusSeconds(10), KeyAction.REVOKE));

        assertThat(console.read(AuditFilter.ALL).entries()).extracting(AuditEntry::time)
                .containsExactly(T, T.plusSeconds(10), T.plusSeconds(30));
    }

    @Test
    void anUnwritableFileIsReportedNotSilentlyOpenedAgain() throws Exception {
        assumeTrue(OwnerOnlyFiles.isPosix(home));
        AuditTrail trail = new AuditTrail(home);
        trail.append(entry(T, KeyAction.DEACTIVATE));
        Files.setPosixFilePermissions(trail.file(), PosixFilePermissions.fromString("---------"));

        assertThatThrownBy(() -> trail.append(entry(T.plusSeconds(1), KeyAction.ACTIVATE)))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("Could not add this change to the audit trail " + trail.file())
                .hasMessageContaining("it cannot be written: its permissions are ---------")
                .hasMessageContaining("The change itself was not undone");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trail.file()))).as("left as it was found")
                .isEqualTo("---------");

        Files.setPosixFilePermissions(trail.file(), PosixFilePermissions.fromString("rw-------"));
        trail.append(entry(T.plusSeconds(2), KeyAction.ACTIVATE));
        assertThat(trail.read(AuditFilter.ALL).entries()).hasSize(2);
    }
}
