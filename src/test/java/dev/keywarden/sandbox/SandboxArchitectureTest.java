package dev.keywarden.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox may use the model and the JDK only: never the gateway, the UI or JavaFX. */
class SandboxArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/keywarden/sandbox");

    @Test
    void sandboxSourcesImportNeitherGatewayNorUi() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SOURCES)) {
            files = listing.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(Files.readAllLines(file))
                    .as(file.toString())
                    .noneMatch(line -> line.matches("\\s*import\\s+(static\\s+)?(dev\\.keywarden\\.(api|ui)|javafx)\\..*"));
        }
    }
}
