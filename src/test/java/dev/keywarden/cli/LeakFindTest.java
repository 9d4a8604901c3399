package dev.keywarden.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.keywarden.core.csv.CsvRows;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code leak-find}: any text on stdin, matched against every key of the organisation; only suffixes printed. */
class LeakFindTest {
    /** A real-shaped key of no organisation. */
    private static final String STRANGER = "confident_us_proj_qOkbX3vT9/Lw2Zr8mQeP0aN5cJd7yH1GsBFk4+ok160=";

    @TempDir
    Path settings;

    private SandboxOrg org;
    private Project project;
    private ApiKey key;
    private String raw;

    @BeforeEach
    void start() throws Exception {
        org = new SandboxOrg();
        project = org.projects().get(0);
        key = org.server.store().keys(project.id()).get(0);
        raw = org.server.store().rawValue(key.id());
    }

    @AfterEach
    void stop() {
        org.close();
    }

    private CliRun.Result find(String stdin) {
        return find(org, stdin);
    }

    private CliRun.Result find(SandboxOrg org, String stdin) {
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey()).stdin(stdin)
                .run("leak-find", "--base-url", org.baseUrl(), "--format", format);
        assertThat(result.all()).doesNotContain(org.orgKey()).doesNotContain(STRANGER)
                .doesNotContain(STRANGER.substring(0, STRANGER.length() - 6));
        for (String value : org.rawKeyValues()) {
            assertThat(result.all()).doesNotContain(value).doesNotContain(value.substring(0, value.length() - 6));
        }
        return result;
    }

    private String format = "table";

    private String log() {
        return "line one\nexport CONFIDENT_API_KEY=\"" + raw + "\"\ncurl -H 'Authorization: Bearer " + STRANGER + "'\n";
    }

    @Test
    void aTableNamesTheMatchingKeyAndTheCandidateThatMatchesNothing() {
        CliRun.Result result = find(log());
        assertThat(result.exit()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("…" + key.suffix() + " (project key, line 2): matches 1 key");
        assertThat(lines.get(1)).contains("project", project.id(), Long.toString(key.id()), key.valid() ? "active" : "deactivated",
                "last used");
        assertThat(lines.get(2)).isEqualTo("…ok160= (project key, line 3): matches no key of this organisation");
        assertThat(lines.get(3)).isEqualTo("2 candidates, 1 matched.");
    }

    @Test
    void nothingMatchedExitsOneAndNoCandidateToo() {
        CliRun.Result stranger = find("token=" + STRANGER + "\n");
        assertThat(stranger.exit()).as(stranger.toString()).isEqualTo(ExitCodes.NO);
        assertThat(stranger.out()).contains("matches no key of this organisation");

        CliRun.Result none = find("nothing to see here, 3f2a9c1e-7b7d-4c1e-9a0b-1234567890ab\n");
        assertThat(none.exit()).isEqualTo(ExitCodes.NO);
        assertThat(none.err()).contains("no key found in the text");
    }

    @Test
    void emptyInputIsAnError() {
        CliRun.Result result = find("  \n");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("No text on standard input");
    }

    @Test
    void severalKeysEndingAlikeAreAllListed(@TempDir Path data) throws Exception {
        try (SandboxOrg twins = SandboxOrg.withTwin(data, key.suffix())) {
            CliRun.Result result = find(twins, "masked in a ticket: " + key.value() + "\n");
            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(result.out()).contains("several keys end in " + key.suffix() + " (2)", "Twin", Long.toString(key.id()));
        }
    }

    @Test
    void anOrganisationKeyAndAKeyOfUnknownKindAreFoundAndMatched() {
        ApiKey admin = org.organisationKeys().stream().filter(k -> k.id() != SandboxOrg.OWN_KEY_ID).findFirst().orElseThrow();
        String adminRaw = org.server.store().rawValue(admin.id());
        String unscoped = raw.replace("confident_us_proj_", "confident_us_");
        CliRun.Result result = find("{\"headers\":{\"CONFIDENT_API_KEY\":\"" + adminRaw.replace("/", "\\/") + "\"}}\nold: " + unscoped + "\n");
        assertThat(result.exit()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("…" + admin.suffix() + " (organisation key, line 1): matches 1 key");
        assertThat(lines.get(1)).contains("org", Long.toString(admin.id()));
        assertThat(lines.get(2)).isEqualTo("…" + key.suffix() + " (kind unknown, line 2): matches 1 key "
                + "(compared with project and organisation keys)");
    }

    @Test
    void aGlobalKeyIsNamedAndWhereToSwitchItOffIsSaid() {
        CliRun.Result table = find("CONFIDENT_API_KEY=" + STRANGER.replace("_proj_", "_global_") + "\n");
        assertThat(table.exit()).as(table.toString()).isEqualTo(ExitCodes.NO);
        assertThat(table.out()).contains("…ok160= (global key, line 1): a global key. Global keys cannot be listed or switched off "
                + "through the API: switch it off in Confident AI's web UI, Organization Settings \u2192 Global API Keys.")
                .doesNotContain("matches no key");

        format = "json";
        CliRun.Result json = find(STRANGER.replace("_proj_", "_global_"));
        assertThat(json.out()).contains("\"candidate_kind\" : \"GLOBAL\"", "\"verdict\" : \"GLOBAL_KEY\"");
        assertThat(json.err()).contains("global key", "Organization Settings");
    }

    @Test
    void jsonAndCsvReadBack() throws Exception {
        format = "json";
        List<Map<String, Object>> json = new ObjectMapper().readerForListOf(Map.class).readValue(find(log()).out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0)).containsEntry("candidate_suffix", key.suffix()).containsEntry("candidate_kind", "PROJECT")
                .containsEntry("candidate_line", 2).containsEntry("verdict", "ONE_MATCH");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> matches = (List<Map<String, Object>>) json.get(0).get("matches");
        assertThat(matches).singleElement().satisfies(match -> assertThat(match).containsEntry("project_id", project.id())
                .containsEntry("key_id", (int) key.id()).containsEntry("masked_value", key.value()));
        assertThat(json.get(1)).containsEntry("verdict", "NO_MATCH").containsEntry("matches", List.of());

        format = "csv";
        CliRun.Result csv = find(log());
        assertThat(csv.exit()).isZero();
        assertThat(csv.out().lines().findFirst()).contains(String.join(",", LeakReport.CSV_COLUMNS));
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.out())) {
            List<Map<String, String>> all = rows.readAll();
            assertThat(all).hasSize(2);
            assertThat(all.get(0)).containsEntry("candidate_suffix", CsvRows.neutralised(key.suffix())).containsEntry("verdict", "ONE_MATCH")
                    .containsEntry("kind", "PROJECT").containsEntry("project_id", project.id())
                    .containsEntry("key_id", Long.toString(key.id()));
            assertThat(all.get(1)).containsEntry("candidate_suffix", "ok160=").containsEntry("verdict", "NO_MATCH")
                    .containsEntry("key_id", "");
        }
    }

    @Test
    void theTextIsNeverTakenAsAnArgument() {
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey())
                .run("leak-find", "--base-url", org.baseUrl(), raw);
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.all()).doesNotContain(raw);
    }
}
