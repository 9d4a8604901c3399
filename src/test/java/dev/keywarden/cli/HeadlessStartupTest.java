package dev.keywarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a headless command loads, in a JVM of its own as a user runs it: {@code keys list} against a plain
 * {@code http://} loopback sandbox loads no JavaFX, no console, sandbox, bulk or audit classes, no
 * {@code java.sql} and no TLS. Each of these once cost start-up time (issue 15); the test says which came back.
 */
class HeadlessStartupTest {

    private static final List<String> NOT_FOR_KEYS_LIST = List.of("javafx.", "dev.keywarden.ui.", "dev.keywarden.sandbox.",
            "dev.keywarden.core.bulk.", "dev.keywarden.core.audit.", "dev.keywarden.cli.AuditCommand",
            "dev.keywarden.cli.CheckKeyCommand", "dev.keywarden.cli.LeakFindCommand", "dev.keywarden.cli.KeyChangeCommand",
            "java.sql.", "sun.security.ssl.SSLContextImpl");

    @TempDir
    Path dir;

    @Test
    void keysListLoadsOnlyWhatItUses() throws Exception {
        Path classLog = dir.resolve("classes.log");
        Path out = dir.resolve("out.json");
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withSeed(7L))) {
            ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xlog:class+load:file=" + classLog, "-Dkeywarden.home=" + dir.resolve("settings"),
                    "-cp", System.getProperty("java.class.path"), "dev.keywarden.Main",
                    "keys", "list", "--format", "json", "--base-url", sandbox.baseUrl())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            command.environment().put("CONFIDENT_ORG_API_KEY", sandbox.orgKey());
            Process process = command.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        }
        List<Map<?, ?>> keys = new ObjectMapper().readerForListOf(Map.class).readValue(out.toFile());
        assertThat(keys).isNotEmpty();

        List<String> loaded = Files.readAllLines(classLog, StandardCharsets.UTF_8).stream()
                .map(line -> line.split(" ")).filter(parts -> parts.length > 1).map(parts -> parts[1]).toList();
        assertThat(loaded).contains("dev.keywarden.cli.KeysListCommand", "dev.keywarden.core.OrganisationLoader");
        for (String unwanted : NOT_FOR_KEYS_LIST) {
            assertThat(loaded).as("classes starting with " + unwanted).noneMatch(name -> name.startsWith(unwanted));
        }
    }

    /**
     * {@code keywarden --sandbox} reaches the window without picocli (whose classes a class-data archive cannot hold):
     * the console is stood in for by a probe that prints its arguments.
     */
    @Test
    void theConsolesWayToItsWindowLoadsNoPicocli() throws Exception {
        Path classLog = dir.resolve("console-classes.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + classLog, "-Dkeywarden.home=" + dir.resolve("settings"),
                "-cp", System.getProperty("java.class.path"), ConsoleProbe.class.getName(), "--sandbox")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("console [--sandbox] 0");

        List<String> loaded = Files.readAllLines(classLog, StandardCharsets.UTF_8).stream()
                .map(line -> line.split(" ")).filter(parts -> parts.length > 1).map(parts -> parts[1]).toList();
        assertThat(loaded).contains("dev.keywarden.Main").noneMatch(name -> name.startsWith("picocli."));
    }

    /** Runs {@code Main} as {@code keywarden ARGS} does, with a console that prints its arguments instead of opening. */
    public static final class ConsoleProbe {
        public static void main(String[] args) {
            int status = dev.keywarden.Main.run(CliEnvironment.system(), args,
                    console -> System.out.print("console " + java.util.Arrays.toString(console)), sandbox -> 9);
            System.out.println(" " + status);
        }
    }
}
