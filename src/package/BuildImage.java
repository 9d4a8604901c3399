import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds Keywarden's self-contained application image with the JDK's own tools, for the operating system it runs
 * on: {@code jdeps} finds the JDK modules the jar and its libraries use, {@code jlink} makes a runtime of only those,
 * {@code jpackage} puts the runtime, the jars, the icon and a launcher called {@code Keywarden} together under
 * {@code target/dist/}. On Linux it also makes a {@code .deb} when {@code dpkg-deb} and {@code fakeroot} are there.
 *
 * <p>Run by {@code ./mvnw -Ppackage package} (a single-file program: {@code java BuildImage.java OPTION=VALUE…}).
 * JavaFX stays on the class path, as in the tests and with {@code java -jar}: the platform's JavaFX jars sit in the
 * image beside the others (README, "Installing").
 */
public final class BuildImage {
    /** What jdeps cannot see: the TLS providers for https (elliptic-curve key exchange and certificates). */
    private static final List<String> EXTRA_MODULES = List.of("jdk.crypto.ec");
    /** The same as the launcher's and the pom's linux-priorities profile (ConsoleJvmFlagsTest). */
    static final String LINUX_PRIORITY_FLAGS = "-XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 -XX:CompilerThreadPriority=10";
    /** The same as the launcher's and the pom's keywarden.console.flags (ConsoleJvmFlagsTest). */
    static final String COLLECTOR_FLAGS = "-Xmn64m -XX:MaxTenuringThreshold=0";

    private final Map<String, String> options;
    private final Path target;
    private final Path work;
    private final String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);

    private BuildImage(Map<String, String> options) {
        this.options = options;
        this.target = Path.of(option("target"));
        this.work = target.resolve("jpackage");
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Expected OPTION=VALUE, got: " + arg);
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        new BuildImage(options).build();
    }

    private void build() throws IOException {
        Path jar = target.resolve(option("jar"));
        Path libs = target.resolve("lib");
        require(Files.isRegularFile(jar), "No " + jar + ": run the package phase first (./mvnw -Ppackage package).");
        require(Files.isDirectory(libs), "No " + libs + ": the libraries are copied there in the package phase.");
        deleteRecursively(work);
        Path dist = target.resolve("dist");
        deleteRecursively(dist);

        Path input = stageInput(jar, libs);
        String modules = modules(input, jar.getFileName().toString());
        Path runtime = work.resolve("runtime");
        // The runtime's own class-data archive of the JDK's classes (lib/server/classes.jsa), as a JDK has: jlink makes
        // it by running the new runtime's java, which therefore stays in the image (bin/java, a few hundred KB). Its
        // twin for heaps of 32 GB and more (classes_nocoops.jsa, 11 MB) is left out: the console never has one.
        List<String> jlink = new ArrayList<>(List.of("--add-modules", modules, "--strip-debug", "--no-header-files",
                "--no-man-pages", "--generate-cds-archive", "--compress=2", "--output", runtime.toString()));
        // The console's young generation, as the launcher gives it (README, Performance); on Linux, background threads
        // at nice 19 too. Options the runtime carries need no warning line, unlike the same flags on a command line.
        jlink.add("--add-options=" + (os.contains("linux") ? LINUX_PRIORITY_FLAGS + " " : "") + COLLECTOR_FLAGS);
        run("jlink", jlink.toArray(String[]::new));
        try (Stream<Path> archives = Files.walk(runtime)) {
            for (Path big : archives.filter(p -> p.getFileName().toString().equals("classes_nocoops.jsa")).toList()) {
                Files.delete(big);
            }
        }
        Path image = appImage(input, runtime, dist, jar.getFileName().toString());
        System.out.println("Application image: " + image + " (" + megabytes(image) + " MB; runtime modules: " + modules + ")");
        if (os.contains("linux")) {
            debianPackage(image, dist);
        }
    }

    /** The jar and its runtime libraries, laid out as the jar's manifest names them ({@code lib/…}). */
    private Path stageInput(Path jar, Path libs) throws IOException {
        Path input = work.resolve("input");
        Files.createDirectories(input.resolve("lib"));
        Files.copy(jar, input.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> files = Files.list(libs)) {
            for (Path lib : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Files.copy(lib, input.resolve("lib").resolve(lib.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return input;
    }

    /** The JDK modules the jar and every library reach (jdeps), plus those it cannot see. */
    private String modules(Path input, String jarName) throws IOException {
        String classPath;
        try (Stream<Path> jars = Files.list(input.resolve("lib"))) {
            classPath = String.join(java.io.File.pathSeparator, jars.map(Path::toString).sorted().toList());
        }
        String found = run("jdeps", "--print-module-deps", "--ignore-missing-deps", "--multi-release", "17",
                "--class-path", classPath, input.resolve(jarName).toString()).strip();
        TreeSet<String> modules = new TreeSet<>(List.of(found.split(",")));
        modules.addAll(EXTRA_MODULES);
        return String.join(",", modules);
    }

    private Path appImage(Path input, Path runtime, Path dist, String jarName) throws IOException {
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--name", option("name"),
                "--app-version", numericVersion(), "--vendor", option("vendor"), "--description", option("description"),
                "--input", input.toString(), "--main-jar", jarName, "--main-class", option("main-class"),
                "--runtime-image", runtime.toString(), "--dest", dist.toString(), "--icon", icon().toString()));
        if (os.contains("mac")) {
            args.addAll(List.of("--mac-package-identifier", "dev.keywarden"));
        } else if (os.contains("windows")) {
            // Keywarden.exe opens no console window; keywarden-cli.exe is the same program for a terminal.
            Path console = work.resolve("keywarden-cli.properties");
            Files.writeString(console, "win-console=true\n");
            args.addAll(List.of("--add-launcher", "keywarden-cli=" + console));
        }
        run("jpackage", args.toArray(String[]::new));
        return dist.resolve(os.contains("mac") ? option("name") + ".app" : option("name"));
    }

    private void debianPackage(Path image, Path dist) {
        List<String> missing = Stream.of("dpkg-deb", "fakeroot").filter(tool -> !onPath(tool)).toList();
        if (!missing.isEmpty() || "false".equals(options.get("deb"))) {
            System.out.println("No .deb: " + (missing.isEmpty() ? "-Dkeywarden.deb=false" : String.join(" and ", missing)
                    + " not found (apt-get install " + String.join(" ", missing) + ")") + ".");
            return;
        }
        run("jpackage", "--type", "deb", "--app-image", image.toString(), "--name", option("name"),
                "--app-version", numericVersion(), "--vendor", option("vendor"), "--description", option("description"),
                "--dest", dist.toString(), "--linux-package-name", "keywarden", "--linux-shortcut",
                "--linux-menu-group", "Utility", "--linux-app-category", "utils",
                "--license-file", option("license"), "--icon", icon().toString());
        try (Stream<Path> files = Files.list(dist)) {
            files.filter(p -> p.toString().endsWith(".deb"))
                    .forEach(deb -> System.out.println("Debian package: " + deb + " (" + megabytes(deb) + " MB)"));
        } catch (IOException e) {
            throw new IllegalStateException("Could not list " + dist + ": " + e.getMessage(), e);
        }
    }

    private Path icon() {
        String file = os.contains("mac") ? "keywarden.icns" : os.contains("windows") ? "keywarden.ico" : "keywarden-512.png";
        return Path.of(option("icons")).resolve(file);
    }

    /** jpackage takes only numbers: 0.2.0-SNAPSHOT is packaged as 0.2.0. */
    private String numericVersion() {
        String version = option("version");
        int end = 0;
        while (end < version.length() && (Character.isDigit(version.charAt(end)) || version.charAt(end) == '.')) {
            end++;
        }
        require(end > 0, "The version " + version + " does not start with a number.");
        return version.substring(0, end).replaceAll("\\.$", "");
    }

    private String option(String name) {
        String value = options.get(name);
        require(value != null && !value.isBlank(), "BuildImage needs " + name + "=VALUE.");
        return value;
    }

    /** Runs a JDK tool in this JVM, echoes what it printed, and returns its standard output. */
    private static String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(
                "This JDK has no " + tool + ": build with a full JDK 17 or newer (" + System.getProperty("java.home") + ")."));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String command = tool + " " + String.join(" ", args);
        System.out.println("> " + (command.length() > 400 ? command.substring(0, 400) + " \u2026" : command));
        long started = System.nanoTime();
        int status = provider.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        System.out.printf("  (%s: %.1f s)%n", tool, (System.nanoTime() - started) / 1e9);
        System.out.print(out);
        System.err.print(err);
        if (status != 0) {
            throw new IllegalStateException(tool + " failed (exit " + status + "): " + err.toString().strip());
        }
        return out.toString();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }

    private static long megabytes(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
            return Math.round(bytes / (1024.0 * 1024.0));
        } catch (IOException e) {
            throw new IllegalStateException("Could not measure " + path + ": " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
