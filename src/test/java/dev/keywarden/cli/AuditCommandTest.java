package dev.keywarden.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditOutcome;
import dev.keywarden.core.audit.AuditTrail;
import dev.keywarden.core.csv.AuditCsv;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code audit}: the trail read back, filtered by age, in three formats; unreadable lines counted. */
class AuditCommandTest {
    private static final AuditContext CONTEXT = new AuditContext("Production", "corg1", "Acme Inc.");
    private static final KeyEntry KEY = KeyEntry.ofProject(new Project("cproj1", "Docs Q&A", null, "corg1", Instant.EPOCH, null),
            new ApiKey(42, "CI, deploy", false, "confident_us_proj_0123456789abcdef0123456789d4e5f6", Instant.EPOCH, null));

    @TempDir
    Path settings;

    private void append(Duration ago, KeyAction action, String reason) throws Exception {
        new AuditTrail(settings).append(AuditEntry.succeeded(CONTEXT, CliRun.NOW.minus(ago), KEY, action, "Done.", reason));
    }

    private CliRun.Result audit(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "audit";
        System.arraycopy(options, 0, args, 1, options.length);
        CliRun.Result result = new CliRun(settings).run(args);
        assertThat(result.all()).doesNotContain("0123456789abcdef0123456789d4e5f6");
        return result;
    }

    @Test
    void noTrailYetIsNoChanges() {
        CliRun.Result result = audit();
        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("No changes recorded.\n");
    }

    @Test
    void sinceKeepsRecentChangesInEveryFormat() throws Exception {
        append(Duration.ofDays(3), KeyAction.DEACTIVATE, null);
        append(Duration.ofMinutes(90), KeyAction.REVOKE, "leaked, in CI");

        CliRun.Result table = audit("--since", "2h");
        assertThat(table.exit()).as(table.toString()).isZero();
        assertThat(table.out()).contains("revoke", "cproj1:42", "d4e5f6", "success", "Production", "reason: leaked, in CI", "1 change")
                .doesNotContain("deactivate");
        assertThat(audit().out()).contains("2 changes");

        List<Map<String, Object>> json = new ObjectMapper().readerForListOf(Map.class).readValue(audit("--since=7d", "--format=json").out());
        assertThat(json).hasSize(2);
        assertThat(json.get(1)).containsEntry("action", "REVOKE").containsEntry("outcome", "SUCCESS").containsEntry("key_id", 42)
                .containsEntry("key_suffix", "d4e5f6").containsEntry("reason", "leaked, in CI").containsEntry("profile", "Production");

        CliRun.Result csv = audit("--since", "30m", "--format", "csv");
        assertThat(csv.out().lines().findFirst()).contains(String.join(",", AuditCsv.COLUMNS));
        assertThat(csv.out().lines().count()).isEqualTo(1);
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(audit("--format", "csv").out())) {
            List<Map<String, String>> all = rows.readAll();
            assertThat(all).hasSize(2);
            assertThat(all.get(0)).containsEntry("action", "DEACTIVATE").containsEntry("reason", "");
            assertThat(all.get(1)).containsEntry("reason", "leaked, in CI").containsEntry("outcome", AuditOutcome.SUCCESS.name());
        }
    }

    @Test
    void unreadableLinesAreSkippedAndCounted() throws Exception {
        append(Duration.ofMinutes(5), KeyAction.DEACTIVATE, null);
        Files.writeString(settings.resolve(AuditTrail.FILE_NAME), "not json\n{\"half\":\n", StandardOpenOption.APPEND);
        CliRun.Result result = audit("--format", "json");
        assertThat(result.exit()).isZero();
        List<Map<String, Object>> entries = new ObjectMapper().readerForListOf(Map.class).readValue(result.out());
        assertThat(entries).hasSize(1);
        assertThat(result.err()).contains("2 lines of", "could not be read and were skipped.").hasLineCount(1);
    }

    @Test
    void anInvalidUtf8ByteSkipsOnlyItsLine() throws Exception {
        append(Duration.ofMinutes(5), KeyAction.DEACTIVATE, null);
        byte[] latin1 = "{\"time\":\"2026-11-28T11:56:00.000Z\",\"reason\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(settings.resolve(AuditTrail.FILE_NAME), latin1, StandardOpenOption.APPEND);
        append(Duration.ofMinutes(1), KeyAction.ACTIVATE, null);

        CliRun.Result result = audit();

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("deactivate", "activate", "2 changes");
        assertThat(result.err()).contains("1 line of", "could not be read and was skipped.").doesNotContain("Input length");
    }

    @Test
    void listsByTimeNotByTheOrderOfTheFile() throws Exception {
        append(Duration.ofMinutes(1), KeyAction.ACTIVATE, "second");
        append(Duration.ofMinutes(9), KeyAction.DEACTIVATE, "first");

        CliRun.Result result = audit("--format", "json");

        List<Map<String, Object>> entries = new ObjectMapper().readerForListOf(Map.class).readValue(result.out());
        assertThat(entries).extracting(entry -> entry.get("reason")).containsExactly("first", "second");
    }

    @Test
    void verifySaysTheChainIsIntact() throws Exception {
        append(Duration.ofMinutes(5), KeyAction.DEACTIVATE, null);
        append(Duration.ofMinutes(1), KeyAction.ACTIVATE, null);

        CliRun.Result result = audit("--verify");

        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("Checked 2 lines of " + settings.resolve(AuditTrail.FILE_NAME) + ".\n")
                .contains("From line 1 on, lines are chained: each holds the SHA-256 of the line before it.\nIntact.\n");
    }

    @Test
    void verifySaysWhereAnEditedTrailBreaks() throws Exception {
        append(Duration.ofMinutes(9), KeyAction.DEACTIVATE, "leaked");
        append(Duration.ofMinutes(5), KeyAction.ACTIVATE, null);
        append(Duration.ofMinutes(1), KeyAction.DEACTIVATE, null);
        Path file = settings.resolve(AuditTrail.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("\"reason\":\"leaked\"", "\"reason\":\"routine\""));

        CliRun.Result verified = audit("--verify");
        CliRun.Result listed = audit();

        assertThat(verified.exit()).as(verified.toString()).isEqualTo(ExitCodes.NO);
        assertThat(verified.out()).contains("  Line 2 does not follow line 1 as it is now: line 1 was changed, or lines between them were removed.\n",
                "Broken in 1 place: lines were changed, removed, added or moved after they were written.");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).contains("3 changes");
        assertThat(listed.err()).contains("breaks in 1 place", "'keywarden audit --verify' says where.");
    }

    @Test
    void verifyTellsATornLineFromABrokenChain() throws Exception {
        append(Duration.ofMinutes(5), KeyAction.DEACTIVATE, null);
        Files.writeString(settings.resolve(AuditTrail.FILE_NAME), "{\"time\":\"2026-11-", StandardOpenOption.APPEND);
        append(Duration.ofMinutes(1), KeyAction.ACTIVATE, null);

        CliRun.Result result = audit("--verify");

        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(result.out()).contains("Line 2 cannot be read (torn by a full disk or a crash", "Intact, but 1 line cannot be read.");
    }

    @Test
    void verifyWithoutATrailHasNothingToCheckAndTakesNoFilter() {
        CliRun.Result empty = audit("--verify");
        assertThat(empty.exit()).isZero();
        assertThat(empty.out()).contains("is empty or not there yet: nothing to check.");

        CliRun.Result filtered = audit("--verify", "--format", "json");
        assertThat(filtered.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(filtered.err()).contains("--verify checks the whole file");
    }

    @Test
    void aBadDurationIsAUsageError() {
        CliRun.Result result = audit("--since", "yesterday");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("give a duration like 30m, 2h, 7d or 2w");
    }
}
