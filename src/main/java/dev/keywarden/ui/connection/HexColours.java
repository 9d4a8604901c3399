package dev.keywarden.ui.connection;

import javafx.scene.paint.Color;

import java.util.Locale;

/** Converts between a {@link Color} and the {@code #rrggbb} text a profile stores. */
final class HexColours {
    private HexColours() {
    }

    static String toHex(Color colour) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", channel(colour.getRed()), channel(colour.getGreen()), channel(colour.getBlue()));
    }

    static Color fromHex(String hex) {
        return Color.web(hex);
    }

    private static int channel(double value) {
        return (int) Math.round(value * 255);
    }
}
