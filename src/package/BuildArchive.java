import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Builds the launcher's class-data archive {@code target/keywarden.jsa} (a static AppCDS archive) from two training
 * runs: the headless commands ({@code dev.keywarden.StartupTraining}) and a start of the console on its embedded
 * sandbox ({@code dev.keywarden.ConsoleTraining}, headless through Monocle, which is only a test library: it comes
 * after the product's jar and none of its classes can be archived). Each run writes the classes it loads
 * ({@code -XX:DumpLoadedClassList}); the lists are merged and {@code java -Xshare:dump} parses, verifies and lays
 * out those classes, the JDK's included, for the launcher's exact class path ({@code keywarden.jar} and the
 * {@code lib/} jars its manifest names). Last, a JVM with {@code -Xshare:on} proves that the launcher's class path
 * maps it. A console run that fails leaves the commands' classes only (said on the output); anything else failing
 * fails the build.
 *
 * <p>Run by the package phase ({@code launcher} profile of the POM) as a single-file program:
 * {@code java BuildArchive.java target=… jar=keywarden.jar test-classpath=…}.
 */
public final class BuildArchive {
    private static final List<String> HEADLESS_FX = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Djava.awt.headless=true", "-Djavafx.cachedir=" + System.getProperty("java.io.tmpdir") + "/keywarden-training-fx");
    private static final long RUN_SECONDS = 120;

    private final Path target;
    private final Path jar;
    private final Path archive;
    private final List<String> monocle;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private BuildArchive(Map<String, String> options) {
        this.target = Path.of(options.get("target"));
        this.jar = target.resolve(options.get("jar"));
        this.archive = target.resolve("keywarden.jsa");
        this.monocle = new ArrayList<>();
        for (String entry : options.getOrDefault("test-classpath", "").split(File.pathSeparator)) {
            if (Path.of(entry).getFileName() != null && Path.of(entry).getFileName().toString().contains("monocle")) {
                monocle.add(entry);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Expected OPTION=VALUE, got: " + arg);
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        new BuildArchive(options).build();
    }

    private void build() throws Exception {
        Files.deleteIfExists(archive);
        Files.deleteIfExists(target.resolve("keywarden-archive.log"));
        Path commands = target.resolve("keywarden-commands.classlist");
        Path console = target.resolve("keywarden-console.classlist");
        Files.deleteIfExists(commands);
        Files.deleteIfExists(console);

        require(run(List.of(java, "-XX:DumpLoadedClassList=" + commands, "-cp", jar.toString(),
                "dev.keywarden.StartupTraining")) == 0, "the commands' training run failed");
        List<String> consoleRun = new ArrayList<>(List.of(java, "-XX:DumpLoadedClassList=" + console));
        consoleRun.addAll(HEADLESS_FX);
        consoleRun.addAll(List.of("-cp", String.join(File.pathSeparator, classPath(jar.toString(), monocle)),
                "dev.keywarden.ConsoleTraining"));
        List<Path> lists = new ArrayList<>(List.of(commands));
        if (monocle.isEmpty()) {
            System.out.println("[archive] Monocle is not on the test class path: the archive holds the commands' classes only.");
        } else if (run(consoleRun) == 0) {
            lists.add(console);
        } else {
            System.out.println("[archive] The console's training run failed: the archive holds the commands' classes only.");
        }

        Path merged = target.resolve("keywarden.classlist");
        Set<String> lines = new LinkedHashSet<>();
        for (Path list : lists) {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        Files.write(merged, lines, StandardCharsets.UTF_8);

        // Classes that cannot be archived (Monocle's and JFR's, picocli's old class files) are skipped with a warning.
        require(run(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + merged, "-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", jar.toString())) == 0 && Files.isRegularFile(archive),
                "java -Xshare:dump failed");
        require(run(List.of(java, "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(), "--version")) == 0,
                "the launcher's class path does not map the archive " + archive);
        System.out.println("[archive] " + archive + ": " + lines.size() + " classes and call sites from " + lists.size()
                + " training runs, " + Files.size(archive) / (1024 * 1024) + " MB");
    }

    private static List<String> classPath(String first, List<String> then) {
        List<String> path = new ArrayList<>(List.of(first));
        path.addAll(then);
        return path;
    }

    /** Runs a JVM, its output kept in a log beside the archive; returns its exit status. */
    private int run(List<String> command) throws IOException, InterruptedException {
        Path log = target.resolve("keywarden-archive.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("Building the class-data archive: " + message + " (target/keywarden-archive.log)");
        }
    }
}
