package dev.keywarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditFilter;
import dev.keywarden.core.audit.AuditOutcome;
import dev.keywarden.core.audit.AuditTrail;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;
import dev.keywarden.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keys rotate}, {@code keys create} and the lifecycle filters of {@code keys list}, against a sandbox on a clock the test moves. */
class KeyRotateTest {
    private static final String NEW_VALUE = "confident_us_proj_[A-Za-z0-9+/]{43}=";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path settings;

    private final MutableClock clock = new MutableClock(CliRun.NOW);
    private SandboxServer server;
    private Project project;
    private ApiKey key;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withSeed(SandboxOrg.SEED), clock);
        project = server.store().projects().get(0);
        key = server.store().keys(project.id()).stream().filter(ApiKey::valid).findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun.Result run(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--base-url", server.baseUrl()))
                .toArray(String[]::new);
        return new CliRun(settings).clock(clock).env("CONFIDENT_ORG_API_KEY", server.orgKey()).run(all);
    }

    private String ref() {
        return project.id() + ":" + key.id();
    }

    /** A data-plane call with the key: its status, and the Sunset header it carried (null when none). */
    private HttpResponse<String> dataPlane(String value) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/datasets"))
                .header("CONFIDENT_API_KEY", value).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rotatingWithAnHourOfGracePrintsTheNewValueOnceAndTheOldStopsAtRotatesAt() throws Exception {
        String oldValue = server.store().rawValue(key.id());

        CliRun.Result result = run("keys", "rotate", ref(), "--grace", "1h", "--yes", "--reason", "leaked in a CI log");

        assertThat(result.exit()).as(result.toString()).isZero();
        String[] line = result.out().strip().split("\t");
        assertThat(result.out().strip().lines()).as("stdout holds the new value only").hasSize(1);
        assertThat(line[0]).isEqualTo(ref());
        String newValue = line[1];
        assertThat(newValue).matches(NEW_VALUE).isNotEqualTo(oldValue);
        assertThat(result.err()).contains("keeps working for 1 h, until 2026-11-28 13:00 UTC").contains("Rotated:")
                .doesNotContain(newValue).doesNotContain(oldValue);

        HttpResponse<String> old = dataPlane(oldValue);
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.headers().firstValue("Sunset")).isPresent();
        assertThat(dataPlane(newValue).statusCode()).isEqualTo(200);

        CliRun.Result rotating = run("keys", "list", "--rotating", "--format", "json");
        List<Map<String, Object>> rows = new ObjectMapper().readerForListOf(Map.class).readValue(rotating.out());
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("rotates_at")).isEqualTo("2026-11-28T13:00:00.000Z"));

        CliRun.Result table = run("keys", "list", "--project", project.id());
        assertThat(table.out()).contains("EXPIRES", "OLD VALUE STOPS", "in 1 h");
        assertThat(table.out().lines()).allSatisfy(tableLine -> assertThat(tableLine.length()).isLessThanOrEqualTo(KeyTable.MAX_WIDTH));

        clock.set(CliRun.NOW.plus(Duration.ofHours(1)));
        assertThat(dataPlane(oldValue).statusCode()).isEqualTo(401);
        assertThat(dataPlane(newValue).statusCode()).isEqualTo(200);

        List<AuditEntry> audit = new AuditTrail(settings).read(AuditFilter.ALL).entries();
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(KeyAction.ROTATE);
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(entry.rotatesAt()).isEqualTo(CliRun.NOW.plus(Duration.ofHours(1)));
            assertThat(entry.reason()).isEqualTo("leaked in a CI log");
        });
        assertThat(Files.readString(new AuditTrail(settings).file())).doesNotContain(newValue);
    }

    @Test
    void theNewValueCanGoToAnOwnerOnlyFileAndNowhereElse() throws Exception {
        Path file = settings.resolve("new-key.txt");

        CliRun.Result result = run("keys", "rotate", ref(), "--yes", "--output-file", file.toString());

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).isEmpty();
        String written = Files.readString(file);
        assertThat(written.strip().split("\t")[1]).matches(NEW_VALUE);
        assertThat(result.err()).contains("readable by you only").doesNotContain(written.strip().split("\t")[1]);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        CliRun.Result again = run("keys", "rotate", ref(), "--yes", "--output-file", file.toString());
        assertThat(again.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(again.err()).contains("exists already").contains("Nothing was changed");
    }

    @Test
    void aPlanIsPrintedAndNothingSentOnADryRunOrWithoutYesOffATerminal() {
        CliRun.Result dry = run("keys", "rotate", ref(), "--grace", "24h", "--expires-in", "90d", "--dry-run");
        assertThat(dry.exit()).as(dry.toString()).isZero();
        assertThat(dry.err()).contains("keeps working for 24 h").contains("The key expires 90 days from now").contains("Dry run");
        assertThat(dry.out()).isEmpty();

        CliRun.Result unconfirmed = run("keys", "rotate", ref());
        assertThat(unconfirmed.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(unconfirmed.err()).contains("Rotating needs --yes");
        assertThat(server.store().rawValue(key.id())).as("not rotated").isNotNull();
        assertThat(new CliRun(settings).env("CONFIDENT_ORG_API_KEY", server.orgKey())
                .run("keys", "list", "--rotating", "--format", "csv", "--base-url", server.baseUrl()).out().lines()).hasSize(1);
    }

    @Test
    void aRotationAlreadyInFlightIsRefusedBeforeSending() {
        assertThat(run("keys", "rotate", ref(), "--grace", "1h", "--yes").exit()).isZero();

        CliRun.Result second = run("keys", "rotate", ref(), "--yes");

        assertThat(second.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(second.err()).contains("already in flight").contains("Nothing was rotated");
        assertThat(second.out()).isEmpty();
    }

    @Test
    void theConnectionsOwnKeyNeedsItsOwnYes() {
        CliRun.Result result = run("keys", "rotate", "org:" + SandboxOrg.OWN_KEY_ID, "--yes");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("this connection uses").contains(KeyChangeCommand.OWN_KEY_OPTION);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aKeyCreatedWithALifetimeIsListedAsExpiringAndStopsWhenItEnds() throws Exception {
        CliRun.Result created = run("keys", "create", "--project", project.id(), "Nightly eval", "--expires-in", "7d");

        assertThat(created.exit()).as(created.toString()).isZero();
        String value = created.out().strip().split("\t")[1];
        assertThat(value).matches(NEW_VALUE);
        assertThat(created.err()).contains("expires in 7 d").doesNotContain(value);
        List<Map<String, Object>> expiring = new ObjectMapper().readerForListOf(Map.class)
                .readValue(run("keys", "list", "--expiring", "14d", "--format", "json").out());
        assertThat(expiring).singleElement().satisfies(row -> {
            assertThat(row.get("name")).isEqualTo("Nightly eval");
            assertThat(row.get("expires_at")).isEqualTo("2026-12-05T12:00:00.000Z");
        });

        clock.set(CliRun.NOW.plus(Duration.ofDays(7)));
        assertThat(dataPlane(value).statusCode()).isEqualTo(401);
        assertThat(run("keys", "list", "--expired", "--format", "csv").out()).contains("Nightly eval");
        assertThat(new AuditTrail(settings).read(AuditFilter.ALL).entries()).singleElement()
                .satisfies(entry -> assertThat(entry.expiresAt()).isEqualTo(CliRun.NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void aServerWithoutV2SaysSoAndRotatesNothing() throws Exception {
        server.close();
        server = SandboxServer.start(SandboxOptions.defaults().withSeed(SandboxOrg.SEED).withV2(false), clock);

        CliRun.Result rotate = run("keys", "rotate", ref(), "--yes");
        assertThat(rotate.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(rotate.err()).contains("does not offer key rotation");

        CliRun.Result create = run("keys", "create", "--org", "Short", "--expires-in", "30d");
        assertThat(create.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(create.out()).isEmpty();

        CliRun.Result list = run("keys", "list", "--expired", "--format", "json");
        assertThat(list.exit()).isZero();
        assertThat(list.out().strip()).isEqualTo("[ ]");
        assertThat(list.err()).contains("does not offer key expiry or rotation");
        assertThat(run("keys", "list", "--format", "csv").out().lines().findFirst().orElseThrow()).endsWith(",expires_at,rotates_at");
    }

    @Test
    void badDurationsAndNamesAreRefusedInPlainWords() {
        assertThat(run("keys", "rotate", ref(), "--grace", "30m", "--yes").err()).contains("whole number of hours");
        assertThat(run("keys", "rotate", ref(), "--expires-in", "0d", "--yes").err()).contains("1 to 3650 days");
        assertThat(run("keys", "rotate", ref(), "--expires-in", "9d", "--no-expiry", "--yes").err()).contains("not both");
        assertThat(run("keys", "create", "--org", " ").err()).contains("must not be blank");
        assertThat(run("keys", "create", "Name").err()).contains("--project").contains("--org");
    }
}
