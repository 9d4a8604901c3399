package dev.keywarden.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.core.OrganisationLoader;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code cli-keys-list}: the whole {@code keywarden keys list --format json} process, JVM start-up included,
 * on the org-load organisation (300 projects x 10 keys, 50 ms latency in the sandbox), as a user runs it
 * with the launcher ({@code target/keywarden}: the class-data archive and the quick compiler), as
 * {@code java -jar target/keywarden.jar}, and the same load done one call after another (in this JVM, warm,
 * so the comparison favours it), alternated. Full size needs the packaged launcher
 * ({@code -Dkeywarden.bench.launcher}, which {@code -Pbench} sets); tiny runs {@code dev.keywarden.Main} from
 * the test class path instead.
 */
final class CliKeysListBenchmark implements Benchmark {

    @Override
    public String name() {
        return "cli-keys-list";
    }

    @Override
    public void run(Scale scale, Figures figures) throws Exception {
        String launcherPath = System.getProperty("keywarden.bench.launcher");
        if (scale.full() && (launcherPath == null || !Files.isExecutable(Path.of(launcherPath)))) {
            throw new IllegalStateException("cli-keys-list needs the packaged launcher: run it through ./mvnw -Pbench verify"
                    + " (-Dkeywarden.bench.launcher=" + launcherPath + ")");
        }
        Path output = Files.createTempFile("keywarden-bench", ".json");
        try (BenchOrganisation org = new BenchOrganisation(scale.pick(300, 4), scale.pick(10, 2), Duration.ofMillis(scale.pick(50, 1)))) {
            List<String> keysList = List.of("keys", "list", "--format", "json", "--base-url", org.server.baseUrl());
            Alternation alternation = new Alternation();
            if (scale.full()) {
                Path launcher = Path.of(launcherPath).toAbsolutePath();
                alternation.add("launcher", () -> process(org, output, concat(List.of(launcher.toString()), keysList)));
                alternation.add("java-jar", () -> process(org, output, concat(List.of(java(), "-jar",
                        launcher.resolveSibling("keywarden.jar").toString()), keysList)));
            } else {
                alternation.add("launcher", () -> process(org, output, concat(List.of(java(), "-cp",
                        System.getProperty("java.class.path"), "dev.keywarden.Main"), keysList)));
            }
            alternation.add("sequential", () -> new OrganisationLoader(1).load(org.api, event -> { }));
            Map<String, Samples> runs = alternation.run(scale.rounds());
            int listed = new ObjectMapper().readTree(output.toFile()).size();
            if (listed < org.projectKeyCount()) {
                throw new IllegalStateException("keys list printed " + listed + " keys of " + org.projectKeyCount());
            }

            double time = runs.get("launcher").medianSeconds();
            double sequential = runs.get("sequential").medianSeconds();
            String shape = org.projects + " projects x " + org.keysPerProject + " keys, " + org.latency().toMillis() + " ms";
            figures.add("cli-keys-list", time, "s", (scale.full() ? "target/keywarden" : "java -cp") + ", " + shape + "; "
                    + runs.get("launcher").spread());
            if (scale.full()) {
                figures.add("cli-keys-list-java-jar", runs.get("java-jar").medianSeconds(), "s",
                        "java -jar, no archive, both compilers; " + runs.get("java-jar").spread());
            }
            figures.add("cli-keys-list-sequential", sequential, "s", "one call after another, in this JVM; "
                    + runs.get("sequential").spread());
            figures.add("cli-keys-list-speedup", sequential / time, "ratio", Goal.atLeast(6), "sequential / cli-keys-list");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void process(BenchOrganisation org, Path output, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("CONFIDENT_ORG_API_KEY", org.server.orgKey());
        builder.environment().remove("KEYWARDEN_JAVA_OPTS");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + "... did not finish in 120 s");
        }
        if (process.exitValue() != 0 || Files.size(output) == 0) {
            throw new IllegalStateException("keys list ended with " + process.exitValue() + " after " + Files.size(output) + " bytes");
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
