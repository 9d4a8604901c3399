package dev.keywarden;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's priority flags are written in four places that no one build step reads together: the jar's launcher,
 * the packaged runtime's build, and the pom's linux-priorities profile (the tests', benchmarks included, and
 * {@code javafx:run}'s). A benchmark measures the product only while they are the same.
 */
class ConsoleJvmFlagsTest {
    static final String POLICY = "-XX:ThreadPriorityPolicy=1";
    static final String LOWEST = "-XX:JavaPriority1_To_OSPriority=19";

    @Test
    void theLauncherThePackagedRuntimeAndThePomGiveTheSameFlags() throws Exception {
        String launcher = Files.readString(Path.of("src/main/launcher/keywarden"));
        String image = Files.readString(Path.of("src/package/BuildImage.java"));
        String pom = Files.readString(Path.of("pom.xml"));

        assertTrue(launcher.contains(POLICY + " " + LOWEST), "src/main/launcher/keywarden");
        assertTrue(image.contains('"' + POLICY + " " + LOWEST + '"'), "src/package/BuildImage.java");
        assertTrue(pom.contains("<argLine>" + POLICY + " " + LOWEST + "</argLine>"), "pom.xml: the tests' JVMs");
        assertTrue(pom.contains("<option>" + POLICY + "</option>") && pom.contains("<option>" + LOWEST + "</option>"),
                "pom.xml: javafx:run");
    }
}
