package dev.keywarden.ui.app;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

class AppIconTest {

    @Test
    void everyIconSizeIsOnTheClasspathAsASquarePngOfThatSize() throws IOException {
        for (URL icon : AppIcon.resources()) {
            String name = icon.getPath().substring(icon.getPath().lastIndexOf('/') + 1);
            int size = Integer.parseInt(name.replaceAll("\\D", ""));
            try (InputStream in = icon.openStream()) {
                BufferedImage image = ImageIO.read(in);
                assertThat(image).as(name).isNotNull();
                assertThat(image.getWidth()).as(name).isEqualTo(size);
                assertThat(image.getHeight()).as(name).isEqualTo(size);
            }
        }
        assertThat(AppIcon.resources()).hasSize(6);
    }
}
