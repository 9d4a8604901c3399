package dev.keywarden.core.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The exports parse back, with a standard CSV reader, to the same values, whatever the names hold. */
class CsvExportTest {
    private static final String AWKWARD = "Docs, \"Q&A\"\nsecond line";
    private static final Instant CREATED = Instant.parse("2024-12-04T23:00:00.000Z");

    private static List<Map<String, String>> parse(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }

    @Test
    void keysExportHasStableColumnsAndMaskedValuesOnly() throws Exception {
        Project project = new Project("p1", AWKWARD, null, "org", CREATED, null);
        List<KeyEntry> keys = List.of(
                KeyEntry.ofOrganisation(new ApiKey(7, "admin, main", true, "***************a1b2c3", CREATED, null)),
                KeyEntry.ofProject(project, new ApiKey(3, "ci \"nightly\"", false,
                        "confident_us_proj_0123456789abcdef0123456789d4e5f6", CREATED, Instant.parse("2026-01-02T03:04:05.678Z"))));
        StringWriter out = new StringWriter();
        KeysCsv.write(keys, out);

        assertThat(out.toString()).startsWith(String.join(",", KeysCsv.COLUMNS) + "\n").doesNotContain("0123456789abcdef");
        List<Map<String, String>> rows = parse(out.toString());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("kind", "ORGANISATION").containsEntry("project_id", "").containsEntry("name", "admin, main")
                .containsEntry("masked_value", "***************a1b2c3").containsEntry("status", "active").containsEntry("last_used", "");
        assertThat(rows.get(1)).containsEntry("kind", "PROJECT").containsEntry("project_id", "p1").containsEntry("project_name", AWKWARD)
                .containsEntry("key_id", "3").containsEntry("name", "ci \"nightly\"").containsEntry("masked_value", "***************d4e5f6")
                .containsEntry("status", "deactivated").containsEntry("created_at", "2024-12-04T23:00:00.000Z")
                .containsEntry("last_used", "2026-01-02T03:04:05.678Z");
    }

    @Test
    void auditExportParsesBackToTheSameValues() throws Exception {
        AuditContext context = AuditContext.of("Prod, EU", new Organization("org_1", AWKWARD, "PREMIUM", CREATED));
        KeyEntry key = KeyEntry.ofProject(new Project("p1", "Docs", null, "org_1", CREATED, null),
                new ApiKey(3, "ci", true, "***************a1b2c3", CREATED, null));
        AuditEntry entry = AuditEntry.succeeded(context, Instant.parse("2026-03-01T02:00:00.123Z"), key, KeyAction.DEACTIVATE,
                "Deactivated.", "leaked, see \"INC-7\"\nand the CI log");
        StringWriter out = new StringWriter();
        AuditCsv.write(List.of(entry), Map.of("p1", "Docs"), out);

        assertThat(out.toString()).startsWith("time,profile,organization_id,organization_name,kind,project_id,key_id,key_suffix,"
                + "action,outcome,detail,reason,project_name\n");
        assertThat(parse(out.toString())).singleElement().isEqualTo(Map.ofEntries(
                Map.entry("time", "2026-03-01T02:00:00.123Z"), Map.entry("profile", "Prod, EU"), Map.entry("organization_id", "org_1"),
                Map.entry("organization_name", AWKWARD), Map.entry("kind", "PROJECT"), Map.entry("project_id", "p1"),
                Map.entry("key_id", "3"), Map.entry("key_suffix", "a1b2c3"), Map.entry("action", "DEACTIVATE"),
                Map.entry("outcome", "SUCCESS"), Map.entry("detail", "Deactivated."),
                Map.entry("reason", "leaked, see \"INC-7\"\nand the CI log"), Map.entry("project_name", "Docs")));
    }

    @Test
    void anEmptyExportIsTheHeaderAlone() throws Exception {
        StringWriter out = new StringWriter();
        KeysCsv.write(List.of(), out);
        assertThat(out.toString()).isEqualTo(String.join(",", KeysCsv.COLUMNS) + "\n");
    }
}
