package dev.keywarden.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.api.OrgKey;
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
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey()).run(args.toArray(String[]::new));
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

    /** An organisation key whose name needs quoting in CSV, created through the API as an admin would. */
    private void createAwkwardOrganisationKey() {
        try (HttpConfidentApi api = new HttpConfidentApi(ConnectionConfig.of(org.baseUrl(), OrgKey.of(org.orgKey())))) {
            api.createOrganizationApiKey("Old laptop, \"Bob\"");
        }
    }

    @Test
    void everyKeyOfTheOrganisationByDefaultAsJson() throws Exception {
        List<Map<String, Object>> rows = json(keys("--format", "json"));
        assertThat(rows).hasSize(org.keyCount());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.keySet()).containsExactlyElementsOf(KeyFormats.COLUMNS);
            assertThat((String) row.get("masked_value")).startsWith("*".repeat(ApiKey.MASK_STARS)).hasSize(21);
        });
        assertThat(rows.get(0)).as("the key this connection uses").containsEntry("kind", "ORGANISATION").containsEntry("project_id", null)
                .containsEntry("key_id", 0).containsEntry("name", "Sandbox admin key").containsEntry("status", "active");
        List<ApiKey> organisationKeys = org.organisationKeys();
        for (int i = 0; i < organisationKeys.size(); i++) {
            ApiKey key = organisationKeys.get(i);
            assertThat(rows.get(i)).containsEntry("kind", "ORGANISATION").containsEntry("key_id", (int) key.id())
                    .containsEntry("name", key.name()).containsEntry("masked_value", key.value())
                    .containsEntry("status", key.valid() ? "active" : "deactivated");
        }
        assertThat(organisationKeys).as("the demo's organisation keys: one deactivated, one never used")
                .anyMatch(key -> !key.valid()).anyMatch(key -> key.lastUsed() == null);

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
        createAwkwardOrganisationKey();
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
                Map<String, String> actual = new HashMap<>(fromCsv.get(i));
                if ("0".equals(actual.get("key_id"))) {
                    // The key this connection uses was used again by the second run.
                    expected.remove("last_used");
                    actual.remove("last_used");
                }
                assertThat(actual).isEqualTo(expected);
            }
        }
    }

    @Test
    void oneProjectOnlyTheOrganisationOnlyOrBoth() throws Exception {
        Project project = org.projects().get(1);
        int projectKeys = org.server.store().keys(project.id()).size();
        assertThat(json(keys("--project", project.id(), "--format=json")))
                .hasSize(projectKeys).allSatisfy(row -> assertThat(row).containsEntry("project_id", project.id()));
        int organisationKeys = org.organisationKeys().size();
        assertThat(json(keys("--org", "--format=json")))
                .hasSize(organisationKeys).allSatisfy(row -> assertThat(row).containsEntry("kind", "ORGANISATION"));
        assertThat(json(keys("--org", "--project", project.id(), "--format=json"))).hasSize(organisationKeys + projectKeys);
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
        assertThat(json(keys("--format", "json", "--parallelism", "1"))).hasSize(org.keyCount());
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
        int keys = org.keyCount();
        assertThat(lines).hasSize(keys + 2).last().isEqualTo(keys + " keys");
        ApiKey own = org.organisationKey(SandboxOrg.OWN_KEY_ID);
        assertThat(lines.get(1)).contains("org", "Sandbox admi…", "***" + own.suffix(), "active");
        assertThat(lines).anyMatch(line -> line.contains("never"));
        assertThat(table.out()).doesNotContain("*".repeat(ApiKey.MASK_STARS));
        Project longName = org.projects().stream().filter(p -> p.name().length() > 12).findFirst().orElseThrow();
        assertThat(table.out()).contains(longName.name().substring(0, 11) + "…").doesNotContain(longName.name());
    }

    @Test
    void keysOfAProjectThatFailAreNamedAndTheRestIsListed() throws Exception {
        Project failing = org.projects().get(2);
        org.server.failNext("GET", "/v[12]/projects/" + failing.id() + "/api-keys", 500, "database on fire", 1);
        CliRun.Result result = keys("--format=json");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).hasLineCount(1).startsWith("keywarden: could not read the keys of project \"" + failing.name()
                + "\" (" + failing.id() + "): ").contains("database on fire", "The other keys are listed.");
        List<Map<String, Object>> rows = new ObjectMapper().readerForListOf(Map.class).readValue(result.out());
        assertThat(rows).hasSize(org.keyCount() - org.server.store().keys(failing.id()).size())
                .noneSatisfy(row -> assertThat(row).containsEntry("project_id", failing.id()));
    }

    @Test
    void aServerThatDoesNotListOrganisationKeysSaysSo() {
        org.server.failNext("GET", "/v[12]/organization/api-keys", 404, "Not found", 2);
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey())
                .run("keys", "list", "--base-url", org.baseUrl(), "--format=csv");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("keywarden: could not read the keys of the organisation: "
                + "This server does not list organisation keys (404 Not found). The other keys are listed.\n");
        assertThat(result.out().lines().count()).isEqualTo(1 + org.projectKeyCount());
    }

    @Test
    void organisationKeysThatFailNextToProjectsAreNamedAndTheProjectsListed() {
        org.server.failNext("GET", "/v[12]/organization/api-keys", 503, "maintenance", 10);
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey())
                .run("keys", "list", "--base-url", org.baseUrl(), "--format=csv");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).hasLineCount(1).startsWith("keywarden: could not read the keys of the organisation: ");
        assertThat(result.out().lines().count()).isEqualTo(1 + org.projectKeyCount());
        assertThat(result.all()).doesNotContain(org.orgKey());
    }

    @Test
    void organisationKeysAloneThatCannotBeListedAreAnError() {
        org.server.failNext("GET", "/v[12]/organization/api-keys", 403, "not for you", 2);
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey())
                .run("keys", "list", "--org", "--base-url", org.baseUrl());
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).hasLineCount(1).startsWith("keywarden: ").contains("403", "not for you");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void organisationKeysAloneAreOneCall() throws Exception {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey()).apis(recording(calls))
                .run("keys", "list", "--org", "--base-url", org.baseUrl(), "--format=json");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(withoutProbes(calls)).as("no organisation, no project list, no project's keys")
                .containsExactly("v2.listOrganizationApiKeys");

        calls.clear();
        Project project = org.projects().get(0);
        assertThat(new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey()).apis(recording(calls))
                .run("keys", "list", "--org", "--project", project.id(), "--base-url", org.baseUrl()).exit()).isZero();
        assertThat(withoutProbes(calls)).containsExactlyInAnyOrder("getProject", "v2.listOrganizationApiKeys", "v2.listApiKeys");
    }

    /** The calls but the question "does this server offer v2?", which the gateway answers from memory after the first. */
    private static List<String> withoutProbes(List<String> calls) {
        return calls.stream().filter(call -> !call.equals("keyLifecycle")).toList();
    }

    /** The HTTP gateway, noting the name of every call made through it (answers untouched). */
    private static dev.keywarden.core.ApiFactory recording(List<String> calls) {
        return config -> recorded(dev.keywarden.api.ConfidentApi.class, new HttpConfidentApi(config), "", calls);
    }

    /** The v2 key lifecycle the gateway offers is recorded too, its calls as "v2.listApiKeys". */
    private static <T> T recorded(Class<T> type, T api, String prefix, List<String> calls) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (!method.getName().equals("close") && !method.getName().equals("baseUrl")) {
                        calls.add(prefix + method.getName());
                    }
                    Object answer;
                    try {
                        answer = method.invoke(api, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("keyLifecycle")) {
                        return ((java.util.Optional<?>) answer).map(v2 -> recorded(dev.keywarden.api.KeyLifecycleApi.class,
                                (dev.keywarden.api.KeyLifecycleApi) v2, "v2.", calls));
                    }
                    return answer;
                }));
    }

    @Test
    void aKeyGivenAsAProjectIdIsRefusedUnsentAndUnechoed() {
        Project project = org.projects().get(0);
        String raw = org.server.store().rawValue(org.server.store().keys(project.id()).get(0).id());
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey()).apis(recording(calls))
                .run("keys", "list", "--project", raw, "--base-url", org.baseUrl());
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).startsWith("keywarden: an argument looks like an API key (ending in " + raw.substring(raw.length() - 6) + ")")
                .contains("nothing was sent").hasLineCount(1);
        assertThat(result.all()).doesNotContain(raw).doesNotContain(raw.substring(0, raw.length() - 6));
        assertThat(calls).as("nothing sent").isEmpty();
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised() throws Exception {
        try (HttpConfidentApi api = new HttpConfidentApi(ConnectionConfig.of(org.baseUrl(), OrgKey.of(org.orgKey())))) {
            for (String name : List.of("=HYPERLINK(\"https://evil.example\",\"Open\")", "+1+2", "-2+3", "@SUM(A1:A9)", "Plain")) {
                api.createOrganizationApiKey(name);
            }
        }
        CliRun.Result csv = keys("--org", "--format", "csv");
        assertThat(csv.exit()).isZero();
        assertThat(csv.out()).contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Open\"\")\",", ",\"'+1+2\",", ",\"'-2+3\",", ",\"'@SUM(A1:A9)\",",
                ",Plain,");
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.out())) {
            assertThat(rows.readAll()).flatMap(Map::values).noneMatch(cell -> !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0);
        }
    }
}
