package dev.keywarden.assets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's screenshots are out of date when the look changed since they were taken: a stylesheet, or the theme's
 * or the icons' version. Then this fails until {@code assets/screenshots/update.sh} has taken them again.
 */
class ScreenshotAssetsTest {
    private static final String HOW = "the screenshots in assets/screenshots are out of date: run assets/screenshots/update.sh "
            + "and commit what it changes";

    @Test
    void theScreenshotsWereTakenWithTheLookOfTheseSources() throws Exception {
        assertThat(ScreenshotManifest.FILE).as(HOW).exists();
        String recorded = Files.readString(ScreenshotManifest.FILE, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertThat(recorded).as(HOW).isEqualTo(ScreenshotManifest.expected());
        assertThat(recorded).as("every screenshot the README shows is there").doesNotContain("missing", "unreadable");
    }

    @Test
    void theFolderHoldsOnlyTheScreenshotsTheReadmeShows() throws Exception {
        try (Stream<Path> files = Files.list(ScreenshotManifest.FOLDER)) {
            List<String> pngs = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".png")).sorted().toList();
            assertThat(pngs).containsExactlyInAnyOrderElementsOf(ScreenshotManifest.SHOWN);
        }
    }

    /** The guard can fail: a stylesheet changed by one character, or another theme version, gives another fingerprint. */
    @Test
    void aChangedStylesheetOrThemeVersionIsNoticed(@TempDir Path copy) throws Exception {
        Path styles = Path.of("src/main/resources/dev/keywarden/ui");
        try (Stream<Path> files = Files.walk(styles)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(file.toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Files.copy(Path.of("pom.xml"), copy.resolve("pom.xml"));
        String now = ScreenshotManifest.lookFingerprint();
        assertThat(ScreenshotManifest.lookFingerprint(copy)).isEqualTo(now);

        Path sheet = copy.resolve("src/main/resources/dev/keywarden/ui/keywarden.css");
        Files.writeString(sheet, Files.readString(sheet) + ".x { }\n");
        String restyled = ScreenshotManifest.lookFingerprint(copy);
        assertThat(restyled).isNotEqualTo(now);

        Path pom = copy.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<atlantafx.version>2.0.1<", "<atlantafx.version>2.0.2<"));
        assertThat(ScreenshotManifest.lookFingerprint(copy)).isNotEqualTo(restyled);
    }
}
