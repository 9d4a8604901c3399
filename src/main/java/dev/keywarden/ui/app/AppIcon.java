package dev.keywarden.ui.app;

import javafx.scene.image.Image;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/** The application icon in the sizes a title bar, task bar and dock pick from (rendered from assets/icon/keywarden.svg). */
final class AppIcon {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    /** Loaded in the background, so asking for them on the FX thread reads no file there. */
    static List<Image> images() {
        return resources().stream().map(url -> new Image(url.toExternalForm(), true)).toList();
    }

    /** @throws NullPointerException naming the size when one is missing from the build */
    static List<URL> resources() {
        return IntStream.of(SIZES)
                .mapToObj(size -> Objects.requireNonNull(AppIcon.class.getResource(
                        "/dev/keywarden/ui/icon/keywarden-" + size + ".png"), "the " + size + " px icon"))
                .toList();
    }
}
