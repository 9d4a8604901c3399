package dev.keywarden.e2e;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.KeyProbe;
import dev.keywarden.api.DeadlineExceededException;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.api.InvalidRequestException;
import dev.keywarden.api.NetworkException;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.api.OrgKey;
import dev.keywarden.api.ServerException;
import dev.keywarden.api.UnauthorizedException;
import dev.keywarden.core.AppContext;
import dev.keywarden.core.CredentialStore;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.Profile;
import dev.keywarden.core.ProfileStore;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.sandbox.DataFileException;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A whole session with the most verbose logging: connect from a saved connection, load everything,
 * toggle, create a key, several failures, a corrupt data file. Neither the org key, nor a wrongly
 * typed org key, nor any raw project key (the created one included) may appear in a log record,
 * System.out/err, an exception's text, a toString(), or a file other than the credential store and
 * the sandbox's own data file and journal.
 */
class SessionSecretsTest {
    private static final String CONNECTION = "Local sandbox";
    private static final String DATA_FILE = "sandbox.json";
    private static final String CORRUPT_FILE = "corrupt.json";
    /** The files that are meant to hold secrets: the credential store, and each sandbox's data file and journal. */
    private static final Set<String> SECRET_HOLDERS = Set.of(CredentialStore.FILE_NAME, DATA_FILE, DATA_FILE + ".journal",
            CORRUPT_FILE, CORRUPT_FILE + ".journal");

    @TempDir
    Path data;
    @TempDir
    Path settings;

    private final String orgKey = "confident_us_org_" + realShapedBody();
    private final String wrongKey = "confident_us_org_" + realShapedBody();
    private final SecretScanner scanner = new SecretScanner();
    private final List<String> scannedFiles = new ArrayList<>();

    @Test
    void aWholeSessionLeavesNoSecretOutsideTheCredentialStoreAndTheDataFile() throws Exception {
        String created;
        try (LogCapture logs = new LogCapture()) {
            created = runSession();
            aCorruptDataFileHoldingTheKeyStopsTheStart(created);
            assertThat(logs.records()).as("the capture at ALL saw the session's logging").isNotEmpty();
            scanner.add("log records", String.join("\n", logs.records()));
            scanner.add("System.out", logs.out());
            scanner.add("System.err", logs.err());
        }
        addFiles(settings);
        addFiles(data);
        assertThat(scannedFiles).as("files written outside the secret holders").contains(ProfileStore.FILE_NAME);

        assertThat(scanner.leaks(secrets(created))).isEmpty();

        java.util.Properties stored = new java.util.Properties();
        try (var reader = Files.newBufferedReader(settings.resolve(CredentialStore.FILE_NAME))) {
            stored.load(reader);
        }
        assertThat(stored).as("the one file meant to hold it").containsValue(orgKey);
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.resolve(CredentialStore.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void theScannerReportsASecretPlantedInAMessageALogRecordOrAFile() throws Exception {
        String raw = "confident_us_proj_" + realShapedBody();
        try (LogCapture logs = new LogCapture()) {
            Logger.getLogger("dev.keywarden.planted").log(Level.FINEST, "Connecting with {0}", orgKey);
            scanner.add("log records", String.join("\n", logs.records()));
        }
        scanner.addFailure("a planted failure", new IllegalStateException("outer",
                new IllegalArgumentException("Key " + wrongKey + " refused")));
        Files.writeString(data.resolve("notes.txt"), "created " + raw);
        addFiles(data);
        scanner.add("a masked key", ApiKey.mask(raw));

        assertThat(scanner.leaks(Map.of("the org key", orgKey, "the wrong org key", wrongKey)))
                .containsExactly("log records: the org key", "a planted failure: the wrong org key",
                        "file notes.txt: a raw project key");
    }

    /** Runs the session against a sandbox and returns the raw value of the key it created. */
    private String runSession() throws Exception {
        SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withSeed(7L).withOrgKey(orgKey)
                .withDataFile(data.resolve(DATA_FILE)));
        scanner.add("sandbox store notices", server.store().notices());

        AppContext first = AppContext.loadFrom(settings, Map.of());
        first.profiles().orElseThrow().add(Profile.ofCustomUrl(CONNECTION, server.baseUrl(), "Sandbox", "#c0392b"),
                OrgKey.of(orgKey));
        // As the console does at its next start: the connection and its key read back from the folder.
        AppContext context = AppContext.loadFrom(settings, Map.of());
        Profile profile = context.profiles().orElseThrow().find(CONNECTION).orElseThrow();
        OrgKey key = context.credentials().read(CONNECTION).orElseThrow();
        ConnectionConfig config = profile.connectionConfig(key);
        scanner.add("toString of the contexts", first + "\n" + context);
        scanner.add("toString of the profile store", context.profiles().orElseThrow());
        scanner.add("toString of the profile", profile);
        scanner.add("toString of the OrgKey", key);
        scanner.add("toString of the config", config);

        String created;
        try (HttpConfidentApi api = new HttpConfidentApi(config);
             HttpConfidentApi refused = new HttpConfidentApi(ConnectionConfig.of(server.baseUrl(), OrgKey.of(wrongKey)));
             HttpConfidentApi hasty = new HttpConfidentApi(config.withDeadline(Duration.ofSeconds(1)));
             KeyProbe probe = new KeyProbe()) {
            scanner.add("toString of the gateway", api);
            OrganisationLoader.Result loaded = new OrganisationLoader(OrganisationLoader.DEFAULT_PARALLELISM)
                    .load(api, event -> scanner.add("loader events", event));
            scanner.add("the loaded organisation", loaded);
            assertThat(loaded.keyCount()).isPositive();

            Project project = loaded.projects().get(0);
            ApiKey first1 = loaded.keysByProjectId().get(project.id()).get(0);
            scanner.add("toggled keys", api.setApiKeyValid(project.id(), first1.id(), !first1.valid()));
            scanner.add("toggled keys", api.setApiKeyValid(project.id(), first1.id(), first1.valid()));

            ApiKey fresh = api.createApiKey(project.id(), "Session key");
            created = fresh.value();
            assertThat(created).matches(SecretScanner.RAW_PROJECT_KEY.pattern() + "=");
            scanner.add("toString of the created key", fresh);
            assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, created, null)).isEqualTo(200);
            scanner.add("the created key read back", api.getApiKey(project.id(), fresh.id()));

            fails("404 unknown project", NotFoundException.class, () -> api.getProject("no-such-project"));
            fails("404 keys of an unknown project", NotFoundException.class, () -> api.listApiKeys("no-such-project"));
            fails("401 wrong key", UnauthorizedException.class, refused::organization);
            fails("400 bad name", InvalidRequestException.class, () -> api.createApiKey(project.id(), "bad\u202Ename"));
            server.failNext("PUT", ".*/api-keys/.*", 500, "Simulated outage", 1);
            fails("500 on a toggle", ServerException.class, () -> api.setApiKeyValid(project.id(), fresh.id(), false));

            server.setLatency(Duration.ofMillis(2500));
            fails("deadline on a read", DeadlineExceededException.class, hasty::listProjects);
            fails("deadline on a toggle", DeadlineExceededException.class,
                    () -> hasty.setApiKeyValid(project.id(), fresh.id(), false));
            server.setLatency(Duration.ZERO);

            server.close();
            fails("nothing listening", NetworkException.class, api::organization);
        } finally {
            server.close();
        }
        return created;
    }

    /** A copy of the data file with the created key's raw value outside its quotes, which a JSON parser would quote. */
    private void aCorruptDataFileHoldingTheKeyStopsTheStart(String created) throws Exception {
        Path dataFile = data.resolve(DATA_FILE);
        String text = Files.readString(dataFile);
        Path journal = data.resolve(DATA_FILE + ".journal");
        String journalText = Files.exists(journal) ? Files.readString(journal) : "";
        assertThat(text + journalText).as("the sandbox keeps raw values, which is why its files are exempt").contains(created);

        Matcher quotedRaw = java.util.regex.Pattern.compile("\"" + SecretScanner.RAW_PROJECT_KEY.pattern() + "=?\"").matcher(text);
        assertThat(quotedRaw.find()).isTrue();
        String damaged = text.substring(0, quotedRaw.start()) + created + text.substring(quotedRaw.end());
        Path corrupt = data.resolve(CORRUPT_FILE);
        Files.writeString(corrupt, damaged);

        DataFileException refused = catchThrowableOfType(DataFileException.class,
                () -> SandboxServer.start(SandboxOptions.defaults().withDataFile(corrupt)));
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("line ");
        scanner.addFailure("corrupt data file", refused);
    }

    private <T extends Throwable> void fails(String what, Class<T> type, ThrowingCallable call) {
        T failure = catchThrowableOfType(type, call);
        assertThat(failure).as(what).isNotNull();
        scanner.addFailure(what, failure);
        if (failure instanceof ApiException api) {
            scanner.add(what, api.summary() + "\n" + api.detail());
        }
    }

    private void addFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!SECRET_HOLDERS.contains(name)) {
                    scannedFiles.add(name);
                    scanner.add("file " + folder.relativize(file), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    private Map<String, String> secrets(String created) {
        return Map.of("the org key", orgKey, "the wrong org key", wrongKey, "the created key R", created);
    }

    /** 32 random bytes in standard base64: 44 characters ending in {@code =}, as real keys are. */
    private static String realShapedBody() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }
}
