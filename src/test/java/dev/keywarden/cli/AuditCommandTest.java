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
    void aBadDurationIsAUsageError() {
        CliRun.Result result = audit("--since", "yesterday");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("give a duration like 30m, 2h, 7d or 2w");
    }
}
