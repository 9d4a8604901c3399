package dev.keywarden;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layers: ui -> core -> api -> model; sandbox -> model. Checked on the compiled classes, whose
 * constant pools name every class they use, so a fully qualified name cannot slip past.
 */
class ArchitectureTest {
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "model", List.of("javafx/", "dev/keywarden/api/", "dev/keywarden/core/", "dev/keywarden/ui/", "dev/keywarden/sandbox/"),
            "api", List.of("javafx/", "dev/keywarden/core/", "dev/keywarden/ui/", "dev/keywarden/sandbox/"),
            "sandbox", List.of("javafx/", "dev/keywarden/api/", "dev/keywarden/core/", "dev/keywarden/ui/"),
            "core", List.of("javafx/", "dev/keywarden/ui/"));

    @Test
    void lowerLayersUseNeitherJavaFxNorTheLayersAboveThem() throws Exception {
        Path classes = classesRoot();
        for (Map.Entry<String, List<String>> layer : FORBIDDEN.entrySet()) {
            Path folder = classes.resolve("dev/keywarden").resolve(layer.getKey());
            assertThat(folder).as("compiled package %s", layer.getKey()).isDirectory();
            try (Stream<Path> files = Files.walk(folder)) {
                List<Path> classFiles = files.filter(file -> file.toString().endsWith(".class")).toList();
                assertThat(classFiles).isNotEmpty();
                for (Path file : classFiles) {
                    String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    for (String forbidden : layer.getValue()) {
                        assertThat(constants).as("%s must not use %s", classes.relativize(file), forbidden)
                                .doesNotContain(forbidden);
                    }
                }
            }
        }
    }

    @Test
    void theCheckSeesJavaFxWhereItIsUsed() throws Exception {
        Path view = classesRoot().resolve("dev/keywarden/ui/main/MainView.class");
        assertThat(new String(Files.readAllBytes(view), StandardCharsets.ISO_8859_1)).contains("javafx/");
    }

    private static Path classesRoot() throws URISyntaxException, IOException {
        Path main = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(main).isDirectory();
        return main;
    }
}
