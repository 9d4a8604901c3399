package dev.keywarden.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

class SandboxCommandTest {

    private static final String LONG_KEY = "confident_us_org_0123456789abcdef0123456789abcde";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertThat(run(new CountDownLatch(0), "--help")).isZero();
        assertThat(text(out)).isEqualTo(SandboxOptions.usage());
        assertThat(text(err)).isEmpty();
    }

    @Test
    void badOptionsPrintTheReasonAndUsageAndExitWithTwo() {
        assertThat(run(new CountDownLatch(0), "--port", "many")).isEqualTo(2);
        assertThat(text(err)).startsWith("Option --port needs a whole number, not \"many\"").contains("Usage:");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void aCorruptDataFileStopsTheStartWithItsName() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "not json");
        assertThat(run(new CountDownLatch(0), "--port", "0", "--data", file.toString())).isEqualTo(1);
        assertThat(text(err)).contains("could not start", file.toAbsolutePath().toString());
        assertThat(Files.readString(file)).isEqualTo("not json");
    }

    @Test
    void aBusyPortStopsTheStart() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(run(new CountDownLatch(0), "--port", Integer.toString(busy.getLocalPort()))).isEqualTo(1);
        }
        assertThat(text(err)).contains("could not start");
    }

    @Test
    void runsUntilStoppedAndPrintsWhereAndWithWhichKey() throws Exception {
        String printed = runUntilWelcomed(Map.of(), printedKey -> "my-org-key",
                "--port", "0", "--empty", "--org-key", "my-org-key");
        // A key this short is not even partly shown: the user gave it and knows it.
        assertThat(printed).contains("Organisation API key: the one given with --org-key\n",
                "curl -H \"CONFIDENT_API_KEY: <organisation API key>\"");
        assertThat(printed).doesNotContain("my-org-key");
    }

    @Test
    void theWelcomeSaysWhetherV2IsOffered() throws Exception {
        assertThat(runUntilWelcomed(Map.of(), text -> "my-org-key", "--port", "0", "--empty", "--org-key", "my-org-key"))
                .contains("Key expiry and rotation (API v2, /v2/.../api-keys): on; --no-v2 starts a server without them.\n");
        out.reset();
        assertThat(runUntilWelcomed(Map.of(), text -> "my-org-key", "--port", "0", "--empty", "--org-key", "my-org-key",
                "--no-v2")).contains("Key expiry and rotation (API v2): off (--no-v2), so /v2/... paths answer 404.\n");
    }

    @Test
    void aGeneratedKeyIsPrintedExactlyOnce() throws Exception {
        Pattern generated = Pattern.compile("Organisation API key \\(new each start\\): (confident_us_org_[A-Za-z0-9+/]{43}=)\n");
        String printed = runUntilWelcomed(Map.of(), text -> {
            Matcher key = generated.matcher(text);
            assertThat(key.find()).as(text).isTrue();
            return key.group(1);
        }, "--port", "0", "--empty");
        Matcher key = generated.matcher(printed);
        assertThat(key.find()).isTrue();
        assertThat(printed.split(Pattern.quote(key.group(1)), -1)).as(printed).hasSize(2);
    }

    @Test
    void aKeyGivenWithTheOptionShowsOnlyItsLastSixCharacters() throws Exception {
        String printed = runUntilWelcomed(Map.of(), text -> LONG_KEY, "--port", "0", "--empty", "--org-key", LONG_KEY);
        assertThat(printed).contains("Organisation API key: the one given with --org-key (ending 9abcde)\n");
        assertThat(printed).doesNotContain(LONG_KEY.substring(0, LONG_KEY.length() - 6));
    }

    @Test
    void theKeyCanComeFromTheEnvironmentSoItStaysOutOfTheProcessList() throws Exception {
        String printed = runUntilWelcomed(Map.of(SandboxOptions.ORG_KEY_VARIABLE, LONG_KEY), text -> LONG_KEY,
                "--port", "0", "--empty");
        assertThat(printed).contains("Organisation API key: the one in KEYWARDEN_SANDBOX_ORG_KEY (ending 9abcde)\n",
                "curl -H \"CONFIDENT_API_KEY: $KEYWARDEN_SANDBOX_ORG_KEY\"");
        assertThat(printed).doesNotContain(LONG_KEY.substring(0, LONG_KEY.length() - 6));
    }

    @Test
    void theOptionWinsOverTheEnvironment() throws Exception {
        String printed = runUntilWelcomed(Map.of(SandboxOptions.ORG_KEY_VARIABLE, "from-the-environment"),
                text -> LONG_KEY, "--port", "0", "--empty", "--org-key", LONG_KEY);
        assertThat(printed).contains("the one given with --org-key (ending 9abcde)");
    }

    @Test
    void aPaddedKeyInTheEnvironmentIsBadUsage() {
        assertThat(run(Map.of(SandboxOptions.ORG_KEY_VARIABLE, " key "), new CountDownLatch(0), "--port", "0"))
                .isEqualTo(2);
        assertThat(text(err)).startsWith("KEYWARDEN_SANDBOX_ORG_KEY must hold a key without spaces");
    }

    /**
     * Starts the command and waits for its welcome; checks the server accepts the key that {@code keyToUse}
     * picks from the welcome, stops it, and returns what it printed.
     */
    private String runUntilWelcomed(Map<String, String> environment, Function<String, String> keyToUse,
                                    String... args) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(environment, stop, args));
        String printed;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!text(out).contains("Press Ctrl+C") && System.nanoTime() < deadline && !exit.isDone()) {
                Thread.sleep(10);
            }
            printed = text(out);
            assertSuccess(new SandboxClient(baseUrl(printed), keyToUse.apply(printed)).get("/v1/organization"));
        } finally {
            stop.countDown();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        return printed;
    }

    private static String baseUrl(String printed) {
        Matcher listening = Pattern.compile("^Sandbox listening on (http://127\\.0\\.0\\.1:\\d+)$", Pattern.MULTILINE)
                .matcher(printed);
        assertThat(listening.find()).as(printed).isTrue();
        return listening.group(1);
    }

    private int run(CountDownLatch stop, String... args) {
        return run(Map.of(), stop, args);
    }

    private int run(Map<String, String> environment, CountDownLatch stop, String... args) {
        return SandboxCommand.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stop, false);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
