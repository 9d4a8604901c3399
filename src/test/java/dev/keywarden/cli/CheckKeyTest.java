package dev.keywarden.cli;

import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.api.OrgKey;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check-key}: one key on stdin, the probe it used, the verdict as an exit code, never the key itself. */
class CheckKeyTest {
    private static final String BODY = "qOkbX3vT9/Lw2Zr8mQeP0aN5cJd7yH1GsBFk4+ok160=";

    @TempDir
    Path settings;

    private SandboxOrg org;
    private Project project;
    private ApiKey activeKey;

    @BeforeEach
    void start() throws Exception {
        org = new SandboxOrg();
        project = org.projects().get(0);
        activeKey = org.server.store().keys(project.id()).stream().filter(ApiKey::valid).findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        org.close();
    }

    private CliRun.Result check(String stdin, String... options) {
        return checkAt(org.baseUrl(), stdin, options);
    }

    private CliRun.Result checkAt(String baseUrl, String stdin, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "check-key";
        args[1] = "--base-url";
        args[2] = baseUrl;
        System.arraycopy(options, 0, args, 3, options.length);
        CliRun.Result result = new CliRun(settings).stdin(stdin).run(args);
        String key = stdin.strip();
        if (key.length() > 6) {
            assertThat(result.all()).doesNotContain(key).doesNotContain(key.substring(0, key.length() - 6));
        }
        assertThat(result.all()).doesNotContain(org.orgKey());
        return result;
    }

    @Test
    void anActiveProjectKeyIsAcceptedThenRefusedOnceDeactivated() {
        String raw = org.server.store().rawValue(activeKey.id());
        assertThat(raw).as("the sandbox issues keys in the real shape").matches("confident_us_proj_[A-Za-z0-9+/]{43}=");
        CliRun.Result accepted = check(raw + "\n");
        assertThat(accepted.exit()).as(accepted.toString()).isEqualTo(ExitCodes.NO);
        assertThat(accepted.out()).contains("project key ending in " + activeKey.suffix(), "GET /v1/datasets at " + org.baseUrl(),
                "Accepted (200): this key still works. Deactivate or revoke it.");

        try (HttpConfidentApi api = new HttpConfidentApi(ConnectionConfig.of(org.baseUrl(), OrgKey.of(org.orgKey())))) {
            api.setApiKeyValid(project.id(), activeKey.id(), false);
        }
        CliRun.Result refused = check(raw);
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.OK);
        assertThat(refused.out()).contains("Checked as a project key with GET /v1/datasets.",
                "Refused (401): the server no longer accepts this project key.");
        assertThat(refused.err()).isEmpty();
    }

    @Test
    void anOrganisationKeyIsCheckedAgainstTheOrganisationEndpoint() {
        assertThat(org.orgKey()).startsWith("confident_us_org_");
        CliRun.Result accepted = new CliRun(settings).stdin(org.orgKey()).run("check-key", "--base-url", org.baseUrl());
        assertThat(accepted.exit()).isEqualTo(ExitCodes.NO);
        assertThat(accepted.out()).contains("organisation key ending in " + org.orgKey().substring(org.orgKey().length() - 6),
                "GET /v1/organization at", "Accepted (200)").doesNotContain(org.orgKey());

        CliRun.Result refused = check("confident_us_org_" + BODY);
        assertThat(refused.exit()).isEqualTo(ExitCodes.OK);
        assertThat(refused.out()).contains("organisation key ending in ok160=", "Refused (401)");
    }

    /**
     * Every prefix an organisation key can have. Fails on the old code for the shapes without a 2-letter region:
     * they went to /v1/datasets, which refuses every organisation key, and were called refused.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"confident_us_org_", "confident_org_", "confident_eu_org_", "confident_apac_org_", "confident_xyz_org_"})
    void anActiveOrganisationKeyOfEveryPrefixIsAccepted(String prefix) throws Exception {
        String key = prefix + BODY;
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withOrgKey(key))) {
            CliRun.Result result = checkAt(server.baseUrl(), key);
            assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.NO);
            assertThat(result.out()).contains("Checking the organisation key ending in ok160=: GET /v1/organization",
                    "Accepted (200): this key still works.");
        }
    }

    @Test
    void aKeyWhosePrefixNamesNoKindIsTriedWithBothProbesAndSaysWhichAnswered() throws Exception {
        String unscoped = "confident_us_" + BODY;
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withOrgKey(unscoped))) {
            CliRun.Result organisation = checkAt(server.baseUrl(), unscoped);
            assertThat(organisation.exit()).as(organisation.toString()).isEqualTo(ExitCodes.NO);
            assertThat(organisation.out()).contains("key of unknown kind", "GET /v1/organization answered 200",
                    "the organisation probe answered");
        }
        CliRun.Result refused = check("confident_" + BODY);
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.OK);
        assertThat(refused.out()).contains("GET /v1/organization answered 401, then GET /v1/datasets answered 401",
                "Refused (401 from both)");
    }

    /** The probe can be chosen; one that cannot judge the key's kind gives no verdict on a 401. */
    @Test
    void theProbeCanBeChosen() {
        String raw = org.server.store().rawValue(activeKey.id());
        CliRun.Result asOrganisationKey = check(raw, "--kind", "org");
        assertThat(asOrganisationKey.out()).contains("GET /v1/organization",
                "Inconclusive: GET /v1/organization cannot judge a project key, so its 401 says nothing about this one.")
                .doesNotContain("Refused");
        assertThat(asOrganisationKey.exit()).as("the key is active: never a false all-clear").isEqualTo(ExitCodes.ERROR);

        CliRun.Result asProjectKey = check(raw, "--kind", "project");
        assertThat(asProjectKey.exit()).isEqualTo(ExitCodes.NO);
    }

    @Test
    void aGlobalKeyNeedsAProject() {
        String global = "confident_us_global_" + BODY;
        CliRun.Result withoutProject = check(global);
        assertThat(withoutProject.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(withoutProject.out()).contains("no call (a global key is checked only with --project ID)",
                "Inconclusive: a global key is accepted only on calls for a project");

        CliRun.Result withProject = check(global, "--project", project.id());
        assertThat(withProject.out()).contains("GET /v1/datasets for project " + project.id(), "Refused (401)");
        assertThat(withProject.exit()).as("the sandbox has no global keys: it refuses any").isEqualTo(ExitCodes.OK);
    }

    @Test
    void theServerMayComeFromTheEnvironmentOrAProfileWithoutAnOrganisationKey() {
        String raw = org.server.store().rawValue(activeKey.id());
        CliRun.Result result = new CliRun(settings).stdin(raw).env("CONFIDENT_BASE_URL", org.baseUrl()).run("check-key");
        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.NO);
        assertThat(result.all()).doesNotContain(raw);
    }

    @Test
    void stdinMustHoldExactlyOneKey() {
        CliRun.Result empty = check("  \n");
        assertThat(empty.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(empty.err()).isEqualTo("keywarden: No key on standard input: pipe one in, e.g. 'pbpaste | keywarden check-key'.\n");
        String raw = org.server.store().rawValue(activeKey.id());
        CliRun.Result two = check(raw + " " + raw);
        assertThat(two.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(two.err()).contains("more than one word").doesNotContain(raw);
        assertThat(two.out()).isEmpty();
    }

    @Test
    void anUnreachableServerIsInconclusive() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        String raw = org.server.store().rawValue(activeKey.id());
        CliRun.Result result = new CliRun(settings).stdin(raw).run("check-key", "--base-url", "http://127.0.0.1:" + port);
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.out()).contains("Inconclusive: Nothing is answering at 127.0.0.1:" + port + ". The key was not judged.");
        assertThat(result.all()).doesNotContain(raw);
    }

    /** Fails on the old code for the organisation key, which the console called "not refused" on a 503. */
    @Test
    void aServerAnswering503IsInconclusiveForEitherKind() {
        org.server.failNext("GET", "/v1/datasets", 503, "maintenance", 1);
        CliRun.Result project = check(org.server.store().rawValue(activeKey.id()));
        assertThat(project.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(project.out()).contains("Inconclusive: GET /v1/datasets answered 503 instead of judging the key; try again later.");

        org.server.failNext("GET", "/v1/organization", 503, "maintenance", 1);
        CliRun.Result organisation = check(org.orgKey());
        assertThat(organisation.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(organisation.out()).contains("Inconclusive: GET /v1/organization answered 503");
    }
}
