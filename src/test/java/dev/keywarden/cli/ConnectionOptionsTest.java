package dev.keywarden.cli;

import dev.keywarden.api.OrgKey;
import dev.keywarden.core.CredentialStore;
import dev.keywarden.core.Keychain;
import dev.keywarden.core.Profile;
import dev.keywarden.core.ProfileStore;
import dev.keywarden.core.StorageException;
import dev.keywarden.testing.FakeKeychain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a headless command connects, and what it says when it cannot; never printing the key. */
class ConnectionOptionsTest {

    @TempDir
    Path settings;

    private SandboxOrg org;
    private String projectId;

    @BeforeEach
    void start() throws Exception {
        org = new SandboxOrg();
        projectId = org.projects().get(0).id();
    }

    @AfterEach
    void stop() {
        org.close();
    }

    private CliRun.Result list(CliRun cli, String... connection) {
        String[] args = new String[connection.length + 5];
        System.arraycopy(new String[] {"keys", "list", "--project", projectId, "--format=csv"}, 0, args, 0, 5);
        System.arraycopy(connection, 0, args, 5, connection.length);
        CliRun.Result result = cli.run(args);
        assertThat(result.all()).doesNotContain(org.orgKey());
        return result;
    }

    @Test
    void baseUrlWithTheKeyFromTheEnvironment() {
        CliRun.Result result = list(new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey()), "--base-url", org.baseUrl());
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains(projectId);
    }

    @Test
    void theKeyMayComeFromAnotherVariable() {
        CliRun cli = new CliRun(settings).env("PROD_KEY", org.orgKey()).env("CONFIDENT_ORG_API_KEY", "confident_us_org_wrong");
        CliRun.Result result = list(cli, "--base-url", org.baseUrl(), "--org-key-env", "PROD_KEY");
        assertThat(result.exit()).as(result.toString()).isZero();
        CliRun.Result unset = list(new CliRun(settings), "--base-url", org.baseUrl(), "--org-key-env", "PROD_KEY");
        assertThat(unset.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(unset.err()).isEqualTo("keywarden: No organisation key: PROD_KEY is not set. Set it, or use --profile NAME "
                + "(a key is never taken as an argument).\n");
    }

    @Test
    void anUnusableKeyIsNamedByItsVariableAndNeverShown() {
        CliRun cli = new CliRun(settings).env("PROD_KEY", "confident_us_org_with a space");
        CliRun.Result result = list(cli, "--base-url", org.baseUrl(), "--org-key-env", "PROD_KEY");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).startsWith("keywarden: PROD_KEY is set but unusable: ").doesNotContain("confident_us_org_with");
    }

    @Test
    void theEnvironmentAloneAsTheConsoleReadsIt() {
        CliRun cli = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey()).env("CONFIDENT_BASE_URL", org.baseUrl() + "/");
        assertThat(list(cli).exit()).isZero();
        CliRun badRegion = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey()).env("CONFIDENT_REGION", "Mars");
        CliRun.Result refused = list(badRegion);
        assertThat(refused.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.err()).contains("CONFIDENT_REGION is \"Mars\", which is not a region");
    }

    @Test
    void noKeyAnywhereSaysHowToGiveOne() {
        CliRun.Result result = list(new CliRun(settings), "--base-url", org.baseUrl());
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("CONFIDENT_ORG_API_KEY is not set", "--profile NAME");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aSavedProfileWithItsKeyAndItsDeadline() {
        ProfileStore store = ProfileStore.open(settings, new CredentialStore(settings));
        store.add(Profile.ofCustomUrl("Local", org.baseUrl(), "LOC", null), OrgKey.of(org.orgKey()));
        store.add(Profile.ofCustomUrl("Slow", org.baseUrl(), "SLOW", null).withDeadlineSeconds(1), OrgKey.of(org.orgKey()));

        assertThat(list(new CliRun(settings), "--profile", "Local").exit()).isZero();

        org.server.setLatency(Duration.ofMillis(2500));
        long started = System.nanoTime();
        CliRun.Result slow = list(new CliRun(settings), "--profile", "Slow");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(slow.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(slow.err()).startsWith("keywarden: The server did not answer within 1");
    }

    @Test
    void aSavedProfileWhoseKeyIsInTheKeychain() {
        FakeKeychain keychain = new FakeKeychain();
        ProfileStore.open(settings, new CredentialStore(settings, () -> Optional.of(keychain)))
                .add(Profile.ofCustomUrl("Local", org.baseUrl(), "LOC", null), OrgKey.of(org.orgKey()));
        assertThat(new CredentialStore(settings).read("Local")).as("not in the file").isEmpty();

        CliRun.Result result = list(new CliRun(settings).keychain(keychain), "--profile", "Local");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains(projectId);

        CliRun.Result withoutKeychain = list(new CliRun(settings), "--profile", "Local");
        assertThat(withoutKeychain.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(withoutKeychain.err()).contains("No key is saved for the connection \"Local\"");
    }

    @Test
    void aKeychainThatCannotBeReadIsOnePlainLine() {
        FakeKeychain keychain = new FakeKeychain();
        ProfileStore.open(settings, new CredentialStore(settings, () -> Optional.of(keychain)))
                .add(Profile.ofCustomUrl("Local", org.baseUrl(), "LOC", null), OrgKey.of(org.orgKey()));
        Keychain locked = new Keychain() {
            @Override
            public String name() {
                return "the test keychain";
            }

            @Override
            public Optional<String> read(String service, String account) {
                throw new StorageException("Could not read the key of \"" + account + "\" from the test keychain: it is locked.");
            }

            @Override
            public void save(String service, String account, String secret) {
            }

            @Override
            public void delete(String service, String account) {
            }
        };

        CliRun.Result result = list(new CliRun(settings).keychain(locked), "--profile", "Local");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("keywarden: Could not read the key of \"Local\" from the test keychain: it is locked.\n");
    }

    @Test
    void anUnknownProfileNamesTheSavedOnes() {
        ProfileStore.open(settings, new CredentialStore(settings))
                .add(Profile.ofCustomUrl("Local", org.baseUrl(), "LOC", null), OrgKey.of(org.orgKey()));
        CliRun.Result result = list(new CliRun(settings), "--profile", "Prod");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("keywarden: There is no saved connection called \"Prod\"; saved: \"Local\".\n");
    }

    @Test
    void aProfileBringsItsOwnServerAndKey() {
        CliRun.Result result = list(new CliRun(settings), "--profile", "Local", "--base-url", org.baseUrl());
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("--profile brings its own server and key");
    }

    @Test
    void aWrongOrganisationKeyIsOnePlainLine() {
        CliRun.Result result = list(new CliRun(settings).env("CONFIDENT_ORG_API_KEY", "confident_us_org_0000wrong0000"),
                "--base-url", org.baseUrl());
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("keywarden: The server refused the organisation key (401 Invalid API key).\n");
        assertThat(result.all()).doesNotContain("confident_us_org_0000wrong0000");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnreachableServerIsOnePlainLine() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        CliRun.Result result = list(new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey()),
                "--base-url", "http://127.0.0.1:" + port);
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("keywarden: Nothing is answering at 127.0.0.1:" + port + ".\n");
    }

    @Test
    void plainHttpToAnotherHostIsRefusedBeforeAnyCall() {
        CliRun.Result result = list(new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey()),
                "--base-url", "http://confident.example.com");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("Plain http:// is only allowed to this computer");
    }
}
