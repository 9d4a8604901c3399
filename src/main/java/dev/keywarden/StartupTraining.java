package dev.keywarden;

import dev.keywarden.cli.CliEnvironment;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The headless commands' training run of the class-data archive (AppCDS) the package phase builds:
 * {@code java -XX:DumpLoadedClassList=… -cp keywarden.jar dev.keywarden.StartupTraining} runs the headless
 * commands once against an in-process sandbox and the JVM lists every class they loaded;
 * {@code src/package/BuildArchive.java} merges that list with the console's ({@link ConsoleTraining}) and dumps
 * the classes, parsed and verified, to {@code keywarden.jsa}, which the launcher ({@code target/keywarden}) maps
 * at start-up. Nothing is printed and nothing outside a temporary folder is written.
 */
public final class StartupTraining {
    private static final List<List<String>> COMMANDS = List.of(
            List.of("keys", "list", "--format", "json"),
            List.of("keys", "list", "--format", "csv"),
            List.of("keys", "list"),
            List.of("leak-find"),
            List.of("keys", "deactivate", "--from-leak", "--dry-run"),
            List.of("audit"),
            List.of("--help"));

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        Main.skipUnusedConverters();
        Path settings = Files.createTempDirectory("keywarden-training");
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withSeed(1L))) {
            Map<String, String> env = Map.of("CONFIDENT_ORG_API_KEY", sandbox.orgKey());
            String projectId = sandbox.store().projects().get(0).id();
            String pasted = "a log line with the key " + sandbox.store().keys(projectId).get(0).value() + "\n";
            for (List<String> command : COMMANDS) {
                List<String> arguments = new ArrayList<>(command);
                if (!command.contains("--help") && !command.contains("audit")) {
                    arguments.addAll(List.of("--base-url", sandbox.baseUrl()));
                }
                CliEnvironment silent = CliEnvironment.silent(env,
                        new ByteArrayInputStream(pasted.getBytes(StandardCharsets.UTF_8)), settings);
                Main.run(silent, arguments.toArray(String[]::new), consoleArgs -> { }, sandboxArgs -> 0);
            }
        } finally {
            try (Stream<Path> files = Files.walk(settings)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
