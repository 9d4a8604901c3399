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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

class SandboxCommandTest {

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
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> run(stop, "--port", "0", "--empty", "--org-key", "my-org-key"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!text(out).contains("Press Ctrl+C") && System.nanoTime() < deadline && !exit.isDone()) {
                Thread.sleep(10);
            }
            String printed = text(out);
            Matcher listening = Pattern.compile("^Sandbox listening on (http://127\\.0\\.0\\.1:\\d+)$", Pattern.MULTILINE)
                    .matcher(printed);
            assertThat(listening.find()).as(printed).isTrue();
            assertThat(printed).contains("Organisation API key: my-org-key", "curl -H \"CONFIDENT_API_KEY: my-org-key\"");
            assertSuccess(new SandboxClient(listening.group(1), "my-org-key").get("/v1/organization"));
        } finally {
            stop.countDown();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    private int run(CountDownLatch stop, String... args) {
        return SandboxCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stop, false);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
