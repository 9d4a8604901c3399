package dev.keywarden.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keys list} against an in-process sandbox: selection, filters, the three formats read back, failures. */
class KeysListTest {

    @TempDir
    Path settings;

    private SandboxOrg org;

    @BeforeEach
    void start() throws Exception {
        org = new SandboxOrg();
    }

    @AfterEach
    void stop() {
        org.close();
    }

    private CliRun.Result keys(String... options) {
        List<String> args = new ArrayList<>(List.of("keys", "list", "--base-url", org.baseUrl()));
        args.addAll(List.of(options));
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey())
                .apis(SandboxOrg.withOrganisationKeys()).run(args.toArray(String[]::new));
        assertThat(result.all()).doesNotContain(org.orgKey());
        for (String raw : org.rawKeyValues()) {
            assertThat(result.all()).doesNotContain(raw);
        }
        return result;
    }

    private static List<Map<String, Object>> json(CliRun.Result result) throws Exception {
        assertThat(result.exit()).as(result.toString()).isZero();
        return new ObjectMapper().readerForListOf(Map.class).readValue(result.out());
    }

    @Test
    void everyKeyOfTheOrganisationByDefaultAsJson() throws Exception {
        List<Map<String, Object>> rows = json(keys("--format", "json"));
        assertThat(rows).hasSize(SandboxOrg.ORGANISATION_KEYS.size() + org.projectKeyCount());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.keySet()).containsExactlyElementsOf(KeyFormats.COLUMNS);
            assertThat((String) row.get("masked_value")).startsWith("*".repeat(ApiKey.MASK_STARS)).hasSize(21);
        });
        assertThat(rows.get(0)).containsEntry("kind", "ORGANISATION").containsEntry("project_id", null).containsEntry("key_id", 901)
                .containsEntry("name", "CI admin").containsEntry("status", "active")
                .containsEntry("created_at", "2026-01-02T03:04:05.000Z").containsEntry("last_used", "2026-11-28T11:00:00.000Z");
        assertThat(rows.get(1)).containsEntry("name", "Old laptop, \"Bob\"").containsEntry("status", "deactivated")
                .containsEntry("last_used", null);

        Map<String, Map<String, Object>> byKeyId = new HashMap<>();
        rows.stream().filter(row -> row.get("kind").equals("PROJECT")).forEach(row -> byKeyId.put(row.get("key_id").toString(), row));
        for (Project project : org.projects()) {
            for (ApiKey key : org.server.store().keys(project.id())) {
                Map<String, Object> row = byKeyId.get(Long.toString(key.id()));
                assertThat(row).as("key %s", key.id()).containsEntry("project_id", project.id())
                        .containsEntry("project_name", project.name()).containsEntry("masked_value", key.value())
                        .containsEntry("status", key.valid() ? "active" : "deactivated");
            }
        }
    }

    @Test
    void csvHasTheSameRowsAndColumnsAsJson() throws Exception {
        List<Map<String, Object>> fromJson = json(keys("--format", "json"));
        CliRun.Result csv = keys("--format", "csv");
        assertThat(csv.exit()).isZero();
        assertThat(csv.out().lines().findFirst()).contains(String.join(",", KeyFormats.COLUMNS));
        assertThat(csv.out()).contains(",\"Old laptop, \"\"Bob\"\"\",");
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.EMPTY_STRING_AS_NULL);
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.out())) {
            List<Map<String, String>> fromCsv = rows.readAll();
            assertThat(fromCsv).hasSameSizeAs(fromJson);
            for (int i = 0; i < fromCsv.size(); i++) {
                Map<String, String> expected = new HashMap<>();
                fromJson.get(i).forEach((column, value) -> expected.put(column, value == null ? null : value.toString()));
                assertThat(fromCsv.get(i)).isEqualTo(expected);
            }
        }
    }

    @Test
    void oneProjectOnlyTheOrganisationOnlyOrBoth() throws Exception {
        Project project = org.projects().get(1);
        int projectKeys = org.server.store().keys(project.id()).size();
        assertThat(json(keys("--project", project.id(), "--format=json")))
                .hasSize(projectKeys).allSatisfy(row -> assertThat(row).containsEntry("project_id", project.id()));
        assertThat(json(keys("--org", "--format=json")))
                .hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("kind", "ORGANISATION"));
        assertThat(json(keys("--org", "--project", project.id(), "--format=json"))).hasSize(2 + projectKeys);
    }

    @Test
    void anUnknownProjectIsAnErrorInPlainWords() {
        CliRun.Result result = keys("--project", "cnosuchproject");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).startsWith("keywarden: No project cnosuchproject in this organisation: ").contains("404")
                .hasLineCount(1);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void statusAndStalenessFilters() throws Exception {
        List<Map<String, Object>> all = json(keys("--format=json"));
        List<Map<String, Object>> deactivated = json(keys("--format=json", "--status", "deactivated"));
        assertThat(deactivated).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("status", "deactivated"))
                .hasSize((int) all.stream().filter(row -> row.get("status").equals("deactivated")).count());

        List<Map<String, Object>> never = json(keys("--format=json", "--stale", "never"));
        assertThat(never).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("last_used", null))
                .hasSize((int) all.stream().filter(row -> row.get("last_used") == null).count());

        Instant monthAgo = CliRun.NOW.minus(Duration.ofDays(30));
        List<Map<String, Object>> stale = json(keys("--format=json", "--stale", "30"));
        long expected = all.stream().filter(row -> row.get("last_used") == null
                || Instant.parse((String) row.get("last_used")).isBefore(monthAgo)).count();
        assertThat(stale).hasSize((int) expected).hasSizeGreaterThan(never.size()).hasSizeLessThan(all.size());
    }

    @Test
    void badFilterValuesAreUsageErrors() {
        assertThat(keys("--stale", "0").err()).contains("give a number of days (1 or more) or 'never'");
        CliRun.Result format = keys("--format", "xml");
        assertThat(format.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(format.err()).contains("table, csv, json");
    }

    @Test
    void theParallelismCanBeChosenAndABadOneIsAUsageError() throws Exception {
        assertThat(json(keys("--format", "json", "--parallelism", "1"))).hasSize(SandboxOrg.ORGANISATION_KEYS.size() + org.projectKeyCount());
        CliRun.Result tooMany = keys("--parallelism", "65");
        assertThat(tooMany.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(tooMany.err()).contains("The parallelism must be from 1 to 64, not 65.");
        assertThat(keys("--parallelism", "lots").err()).contains("The parallelism must be a whole number from 1 to 64, not \"lots\".");
    }

    @Test
    void theTableFitsATerminalAndShowsOnlySuffixes() {
        CliRun.Result table = keys();
        assertThat(table.exit()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).startsWith("KIND").contains("PROJECT ID", "KEY ID", "VALUE", "STATUS", "CREATED", "LAST USED");
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(KeyTable.MAX_WIDTH));
        int keys = SandboxOrg.ORGANISATION_KEYS.size() + org.projectKeyCount();
        assertThat(lines).hasSize(keys + 2).last().isEqualTo(keys + " keys");
        assertThat(lines.get(1)).contains("org", "CI admin", "***0rg901", "active", "2026-01-02", "1 h ago");
        assertThat(lines.get(2)).contains("never");
        assertThat(table.out()).doesNotContain("*".repeat(ApiKey.MASK_STARS));
        Project longName = org.projects().stream().filter(p -> p.name().length() > 12).findFirst().orElseThrow();
        assertThat(table.out()).contains(longName.name().substring(0, 11) + "…").doesNotContain(longName.name());
    }

    @Test
    void keysOfAProjectThatFailAreNamedAndTheRestIsListed() throws Exception {
        Project failing = org.projects().get(2);
        org.server.failNext("GET", "/v1/projects/" + failing.id() + "/api-keys", 500, "database on fire", 1);
        CliRun.Result result = keys("--format=json");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).hasLineCount(1).startsWith("keywarden: could not read the keys of project \"" + failing.name()
                + "\" (" + failing.id() + "): ").contains("database on fire", "The other keys are listed.");
        List<Map<String, Object>> rows = new ObjectMapper().readerForListOf(Map.class).readValue(result.out());
        assertThat(rows).hasSize(2 + org.projectKeyCount() - org.server.store().keys(failing.id()).size())
                .noneSatisfy(row -> assertThat(row).containsEntry("project_id", failing.id()));
    }

    @Test
    void aServerThatDoesNotListOrganisationKeysSaysSo() {
        org.server.failNext("GET", "/v1/organization/api-keys", 404, "Not found", 1);
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey())
                .run("keys", "list", "--base-url", org.baseUrl(), "--format=csv");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("keywarden: could not read the keys of the organisation: "
                + "This server does not list organisation keys (404 Not found). The other keys are listed.\n");
        assertThat(result.out().lines().count()).isEqualTo(1 + org.projectKeyCount());
    }

    @Test
    void organisationKeysThatFailNextToProjectsAreNamedAndTheProjectsListed() {
        org.server.failNext("GET", "/v1/organization/api-keys", 503, "maintenance", 5);
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey())
                .run("keys", "list", "--base-url", org.baseUrl(), "--format=csv");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).hasLineCount(1).startsWith("keywarden: could not read the keys of the organisation: ");
        assertThat(result.out().lines().count()).isEqualTo(1 + org.projectKeyCount());
        assertThat(result.all()).doesNotContain(org.orgKey());
    }

    @Test
    void organisationKeysAloneThatCannotBeListedAreAnError() {
        org.server.failNext("GET", "/v1/organization/api-keys", 403, "not for you", 1);
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey())
                .run("keys", "list", "--org", "--base-url", org.baseUrl());
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).hasLineCount(1).startsWith("keywarden: ").contains("403", "not for you");
        assertThat(result.out()).isEmpty();
    }
}
