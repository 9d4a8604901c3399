package dev.keywarden.cli;

import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.api.OrgKey;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check-key}: one key on stdin, the probe it used, the verdict as an exit code, never the key itself. */
class CheckKeyTest {

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
        String[] args = new String[options.length + 3];
        args[0] = "check-key";
        args[1] = "--base-url";
        args[2] = org.baseUrl();
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
        CliRun.Result accepted = check(raw + "\n");
        assertThat(accepted.exit()).as(accepted.toString()).isEqualTo(ExitCodes.NO);
        assertThat(accepted.out()).contains("project key ending in " + activeKey.suffix(), "GET /v1/datasets at " + org.baseUrl(),
                "Accepted (200)");

        try (HttpConfidentApi api = new HttpConfidentApi(ConnectionConfig.of(org.baseUrl(), OrgKey.of(org.orgKey())))) {
            api.setApiKeyValid(project.id(), activeKey.id(), false);
        }
        CliRun.Result refused = check(raw);
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.OK);
        assertThat(refused.out()).contains("Refused (401)");
        assertThat(refused.err()).isEmpty();
    }

    @Test
    void anOrganisationKeyIsCheckedAgainstTheOrganisationEndpoint() {
        assertThat(org.orgKey()).startsWith("confident_us_org_");
        CliRun.Result accepted = new CliRun(settings).stdin(org.orgKey()).run("check-key", "--base-url", org.baseUrl());
        assertThat(accepted.exit()).isEqualTo(ExitCodes.NO);
        assertThat(accepted.out()).contains("organisation key ending in " + org.orgKey().substring(org.orgKey().length() - 6),
                "GET /v1/organization at", "Accepted (200)").doesNotContain(org.orgKey());

        CliRun.Result refused = check("confident_us_org_00000000000000000000000000revoked");
        assertThat(refused.exit()).isEqualTo(ExitCodes.OK);
        assertThat(refused.out()).contains("organisation key ending in evoked", "Refused (401)");
    }

    @Test
    void theProbeCanBeChosen() {
        String raw = org.server.store().rawValue(activeKey.id());
        CliRun.Result asOrganisationKey = check(raw, "--kind", "org");
        assertThat(asOrganisationKey.out()).contains("GET /v1/organization", "Refused (401)");
        assertThat(asOrganisationKey.exit()).isEqualTo(ExitCodes.OK);
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
    void anUnreachableServerIsAnErrorNotAVerdict() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        String raw = org.server.store().rawValue(activeKey.id());
        CliRun.Result result = new CliRun(settings).stdin(raw).run("check-key", "--base-url", "http://127.0.0.1:" + port);
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("keywarden: Nothing is answering at 127.0.0.1:" + port + ".\n");
        assertThat(result.all()).doesNotContain(raw);
    }

    @Test
    void aServerFailureIsAnErrorNotAVerdict() {
        org.server.failNext("GET", "/v1/datasets", 503, "maintenance", 1);
        CliRun.Result result = check(org.server.store().rawValue(activeKey.id()));
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("The server answered 503");
    }
}
