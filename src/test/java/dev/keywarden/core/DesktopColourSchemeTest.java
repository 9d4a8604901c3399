package dev.keywarden.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DesktopColourSchemeTest {

    private static DesktopColourScheme on(String os, Map<String, String> answers) {
        return new DesktopColourScheme(os, command -> Optional.ofNullable(answers.get(String.join(" ", command))));
    }

    private static final String GNOME_SCHEME = "gsettings get org.gnome.desktop.interface color-scheme";
    private static final String GNOME_THEME = "gsettings get org.gnome.desktop.interface gtk-theme";

    @Test
    void gnomeSaysDarkOrLightThroughItsColourScheme() {
        assertThat(on("Linux", Map.of(GNOME_SCHEME, "'prefer-dark'\n")).prefersDark()).contains(true);
        assertThat(on("Linux", Map.of(GNOME_SCHEME, "'prefer-light'\n")).prefersDark()).contains(false);
        assertThat(on("Linux", Map.of(GNOME_SCHEME, "'default'\n", GNOME_THEME, "'Adwaita'\n")).prefersDark()).contains(false);
        assertThat(on("Linux", Map.of(GNOME_SCHEME, "'default'\n", GNOME_THEME, "'Yaru-dark'\n")).prefersDark())
                .as("an older desktop says it by its theme's name").contains(true);
    }

    @Test
    void aDesktopThatCannotSayLeavesItOpen() {
        assertThat(on("Linux", Map.of()).prefersDark()).isEmpty();
        assertThat(on("FreeBSD", Map.of()).prefersDark()).isEmpty();
    }

    @Test
    void macOsAndWindowsAreReadTheirOwnWay() {
        assertThat(on("Mac OS X", Map.of("defaults read -g AppleInterfaceStyle", "Dark\n")).prefersDark()).contains(true);
        assertThat(on("Mac OS X", Map.of()).prefersDark()).as("the key is absent in light mode").contains(false);
        String key = "reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize /v AppsUseLightTheme";
        assertThat(on("Windows 11", Map.of(key, "\r\nHKEY_CURRENT_USER\\...\\Personalize\r\n    AppsUseLightTheme    REG_DWORD    0x0\r\n"))
                .prefersDark()).contains(true);
        assertThat(on("Windows 11", Map.of(key, "    AppsUseLightTheme    REG_DWORD    0x1\r\n")).prefersDark()).contains(false);
    }

    @Test
    void aMissingCommandIsNoAnswer() {
        DesktopColourScheme real = new DesktopColourScheme("Linux", command -> Optional.empty());
        assertThat(real.prefersDark()).isEmpty();
        assertThat(List.of(ThemeChoice.parse(null), ThemeChoice.parse("DARK "), ThemeChoice.parse("light"), ThemeChoice.parse("blue")))
                .containsExactly(ThemeChoice.SYSTEM, ThemeChoice.DARK, ThemeChoice.LIGHT, ThemeChoice.SYSTEM);
    }
}
