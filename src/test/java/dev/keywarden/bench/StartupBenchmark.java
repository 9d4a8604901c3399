package dev.keywarden.bench;

import dev.keywarden.ConsoleJvmFlagsTest;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code startup}: from launching a JVM to the first filled keys table of the console on its embedded sandbox
 * (in process, no latency: {@code keywarden --sandbox}, through {@code Main}, a settings folder of its own), over the same for a bare
 * JavaFX window showing one TableView; both {@link StartupProbe} processes with the same class path and flags,
 * alternated, each timed from just before the process starts to the pulse that laid out its first filled row.
 * The flags are this JVM's JavaFX platform (Monocle headless in the build, as the UI tests) and, at full size, the
 * launcher's: its class-data archive ({@code -XX:SharedArchiveFile=target/keywarden.jsa}, with {@code -Xshare:on}
 * so that a launch that cannot map it fails instead of being measured without it) and its class path
 * ({@code target/keywarden.jar}, whose manifest names {@code lib/}), followed by Monocle and the probe's classes,
 * which are not in the archive. Both variants get the same archive: it holds the classes both load (JavaFX's, the
 * JDK's) as well as the console's. Tiny runs use the test class path and no archive.
 */
final class StartupBenchmark implements Benchmark {

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public void run(Scale scale, Figures figures) throws Exception {
        Path home = Files.createTempDirectory("keywarden-bench-startup");
        try {
            List<String> flags = classPathAndArchive(scale);
            List<Double> console = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            int rounds = scale.pick(Math.max(5, scale.rounds()), 1);
            if (scale.full()) {
                // One of each unmeasured first: the disk cache.
                launch("bare", home, flags);
                launch("console", home, flags);
            }
            for (int round = 0; round < rounds; round++) {
                if (round % 2 == 0) {
                    bare.add(launch("bare", home, flags));
                    console.add(launch("console", home, flags));
                } else {
                    console.add(launch("console", home, flags));
                    bare.add(launch("bare", home, flags));
                }
            }
            double c = FxStallBenchmark.median(console);
            double b = FxStallBenchmark.median(bare);
            figures.add("startup", c / b, "ratio", Goal.atMost(1.4), "console's first filled keys table over a bare window's"
                    + " TableView, medians of " + rounds + " alternated launches of each; " + platform()
                    + (scale.full() ? ", the launcher's class path and archive" : ""));
            figures.add("startup-console", c, "s", "keywarden --sandbox (Main), launch to the first key row laid out; min "
                    + Figures.number(console.stream().mapToDouble(Double::doubleValue).min().orElseThrow()) + ", max "
                    + Figures.number(FxStallBenchmark.max(console)) + " s");
            figures.add("startup-bare", b, "s", "a bare JavaFX window with one TableView; min "
                    + Figures.number(bare.stream().mapToDouble(Double::doubleValue).min().orElseThrow()) + ", max "
                    + Figures.number(FxStallBenchmark.max(bare)) + " s");
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String platform() {
        String glass = System.getProperty("glass.platform");
        return glass == null ? "the default JavaFX platform" : glass + " " + System.getProperty("monocle.platform", "")
                + ", prism " + System.getProperty("prism.order", "default");
    }

    /**
     * The launcher's archive and class path, then what the probe needs besides (Monocle, the test classes); or, without
     * the packaged launcher, the test class path.
     */
    private static List<String> classPathAndArchive(Scale scale) {
        String launcher = System.getProperty("keywarden.bench.launcher");
        if (!scale.full()) {
            return List.of("-cp", System.getProperty("java.class.path"));
        }
        Path jar = launcher == null ? null : Path.of(launcher).toAbsolutePath().resolveSibling("keywarden.jar");
        Path archive = jar == null ? null : jar.resolveSibling("keywarden.jsa");
        if (archive == null || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("startup needs the packaged launcher and its archive: run it through ./mvnw -Pbench verify"
                    + " (-Dkeywarden.bench.launcher=" + launcher + ")");
        }
        List<String> path = new ArrayList<>(List.of(jar.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("monocle") || entry.endsWith("test-classes")) {
                path.add(entry);
            }
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-cp", String.join(File.pathSeparator, path));
    }

    /** Seconds from just before the process starts to the row it reports shown. */
    private static double launch(String variant, Path home, List<String> classPathAndArchive) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        for (String property : List.of("glass.platform", "monocle.platform", "prism.order", "java.awt.headless", "testfx.headless")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-Dkeywarden.home=" + home);
        // The launcher's flags for the console, which this JVM has too (pom.xml, keywarden.console.flags).
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(ConsoleJvmFlagsTest.FLAGS::contains).forEach(command::add);
        command.addAll(classPathAndArchive);
        command.addAll(List.of(StartupProbe.class.getName(), variant));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("CONFIDENT_") || name.equals("KEYWARDEN_JAVA_OPTS") || name.equals("JAVA_TOOL_OPTIONS"));
        long started = System.currentTimeMillis();
        Process process = builder.start();
        Long shown = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("SHOWN ")) {
                    shown = Long.parseLong(line.substring(6).strip());
                } else if (output.length() < 4000) {
                    output.append(line).append('\n');
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (shown == null) {
            throw new IllegalStateException("the " + variant + " window never showed a filled row; it said:\n" + output);
        }
        return (shown - started) / 1000.0;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }
}
