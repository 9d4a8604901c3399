package dev.keywarden.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway stays below the UI: no JavaFX and no ui/sandbox package in its sources. */
class ApiLayerTest {
    @Test
    void apiSourcesImportNoJavaFxNorHigherLayers() throws IOException {
        Path sources = Path.of("src/main/java/dev/keywarden/api");
        List<String> offending;
        try (Stream<Path> files = Files.list(sources)) {
            offending = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> {
                        try {
                            String text = Files.readString(file);
                            return text.contains("import javafx.") || text.contains("import dev.keywarden.ui.")
                                    || text.contains("import dev.keywarden.sandbox.");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(file -> file.getFileName().toString())
                    .toList();
        }
        assertThat(offending).isEmpty();
    }
}
