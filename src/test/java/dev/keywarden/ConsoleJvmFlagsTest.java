package dev.keywarden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console's flags (its young generation; on Linux its threads' priorities too) are written in places that no one
 * build step reads together: the jar's launcher, the packaged runtime's build, and the pom's console flags and
 * linux-priorities profile (the benchmarks' and {@code javafx:run}'s). A benchmark measures the product only while they are the same. The launcher is run, with a
 * stand-in for java that prints what it is given.
 */
public class ConsoleJvmFlagsTest {
    /** The console's priority flags (Linux), as every place that gives them must. */
    public static final List<String> PRIORITY_FLAGS = List.of("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19",
            "-XX:CompilerThreadPriority=10");
    /** The console's collector flags (every OS), as every place that gives them must. */
    public static final List<String> COLLECTOR_FLAGS = List.of("-Xmn64m", "-XX:MaxTenuringThreshold=0");
    /** Every flag the console gets on Linux, in the launcher's order. */
    public static final List<String> FLAGS = java.util.stream.Stream.concat(PRIORITY_FLAGS.stream(), COLLECTOR_FLAGS.stream()).toList();

    @Test
    void thePomAndThePackagedRuntimeGiveTheConsolesFlags() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher flags = Pattern.compile("<keywarden.console.flags>([^<]+)</keywarden.console.flags>").matcher(pom);
        assertThat(flags.find()).as("the console's flags in pom.xml").isTrue();
        assertThat(List.of(flags.group(1).trim().split("\\s+"))).isEqualTo(COLLECTOR_FLAGS);
        assertThat(flags.find()).as("the linux-priorities profile's flags in pom.xml").isTrue();
        assertThat(List.of(flags.group(1).trim().split("\\s+"))).isEqualTo(FLAGS);
        assertThat(pom).as("the benchmarks' JVM").contains("<argLine>${keywarden.console.flags} ${argLine}</argLine>");
        Matcher options = Pattern.compile("<options>(.*?)</options>", Pattern.DOTALL).matcher(pom);
        assertThat(options.find()).as("javafx:run's options").isTrue();
        assertThat(optionsIn(options.group(1))).isEqualTo(COLLECTOR_FLAGS);
        assertThat(options.find()).as("javafx:run's options on Linux").isTrue();
        assertThat(optionsIn(options.group(1))).isEqualTo(FLAGS);

        String image = Files.readString(Path.of("src/package/BuildImage.java"));
        Matcher constant = Pattern.compile("LINUX_PRIORITY_FLAGS = \"([^\"]*)\"").matcher(image);
        assertThat(constant.find()).isTrue();
        assertThat(List.of(constant.group(1).split(" "))).isEqualTo(PRIORITY_FLAGS);
        Matcher collector = Pattern.compile("COLLECTOR_FLAGS = \"([^\"]*)\"").matcher(image);
        assertThat(collector.find()).isTrue();
        assertThat(List.of(collector.group(1).split(" "))).isEqualTo(COLLECTOR_FLAGS);
        assertThat(image).contains("\"--add-options=\" + (os.contains(\"linux\") ? LINUX_PRIORITY_FLAGS + \" \" : \"\") + COLLECTOR_FLAGS");
    }

    @Test
    void onLinuxTheLauncherGivesThemToTheConsoleOnlyAndTheUsersOptionsAfter(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux") && Files.isExecutable(Path.of("/bin/sh")), "Linux");
        Path launcher = Files.copy(Path.of("src/main/launcher/keywarden"), dir.resolve("keywarden"));
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<String> console = new java.util.ArrayList<>(FLAGS);
        console.addAll(List.of("-Xmx1g", "-jar", dir.resolve("keywarden.jar").toString(), "--profile", "My org"));
        assertThat(run(launcher, "--profile", "My org")).containsExactlyElementsOf(console);
        assertThat(run(launcher)).containsSubsequence(FLAGS.get(0), FLAGS.get(1), "-jar");
        assertThat(run(launcher, "keys", "list")).doesNotContainAnyElementsOf(FLAGS).contains("-XX:TieredStopAtLevel=1");
        assertThat(run(launcher, "sandbox", "--port", "8787")).doesNotContainAnyElementsOf(FLAGS);
        assertThat(run(launcher, "--help")).doesNotContainAnyElementsOf(FLAGS);

        // Elsewhere (a uname that says macOS): the collector's flags, not the priorities'.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("uname"), "#!/bin/sh\necho Darwin\n");
        Files.setPosixFilePermissions(bin.resolve("uname"), PosixFilePermissions.fromString("rwxr-xr-x"));
        pathFirst = bin;
        assertThat(run(launcher, "--profile", "My org")).containsSubsequence(COLLECTOR_FLAGS.get(0), COLLECTOR_FLAGS.get(1), "-Xmx1g", "-jar")
                .doesNotContainAnyElementsOf(PRIORITY_FLAGS);
    }

    /** A folder searched before the PATH's, for the launcher's own commands (uname); null for none. */
    private Path pathFirst;

    private static List<String> optionsIn(String xml) {
        List<String> found = new java.util.ArrayList<>();
        Matcher option = Pattern.compile("<option>([^<]+)</option>").matcher(xml);
        while (option.find()) {
            found.add(option.group(1));
        }
        return found;
    }

    private List<String> run(Path launcher, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", launcher.resolveSibling("jdk").toString());
        env.put("KEYWARDEN_JAVA_OPTS", "-Xmx1g");
        if (pathFirst != null) {
            env.put("PATH", pathFirst + java.io.File.pathSeparator + env.get("PATH"));
        }
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return List.of(new String(process.getInputStream().readAllBytes()).strip().split("\n"));
    }
}
