package dev.keywarden.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop asks applications for a dark look, read the way each operating system says it: GNOME's
 * {@code color-scheme} (gsettings) on Linux, {@code AppleInterfaceStyle} on macOS, {@code AppsUseLightTheme} in the
 * Windows registry. Runs a short command: call it off the FX thread. Empty when the setting cannot be read (no such
 * command, another desktop), so the console stays light.
 */
public final class DesktopColourScheme {
    /** Runs a command and gives what it printed, or empty when it is missing, fails or takes too long. */
    @FunctionalInterface
    public interface Commands {
        Optional<String> output(List<String> command);
    }

    private final String osName;
    private final Commands commands;

    public DesktopColourScheme(String osName, Commands commands) {
        this.osName = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        this.commands = commands;
    }

    /** This machine's, through real processes. */
    public static DesktopColourScheme ofThisMachine() {
        return new DesktopColourScheme(System.getProperty("os.name"), DesktopColourScheme::run);
    }

    /** True for dark, false for light, empty when the desktop does not say. */
    public Optional<Boolean> prefersDark() {
        if (osName.startsWith("mac")) {
            // The key exists only in dark mode: the command fails (empty) in light mode.
            return Optional.of(commands.output(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(text -> text.strip().equalsIgnoreCase("dark")).orElse(false));
        }
        if (osName.startsWith("windows")) {
            return commands.output(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).flatMap(DesktopColourScheme::windowsSays);
        }
        Optional<String> scheme = commands.output(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.isPresent() && scheme.get().contains("prefer-dark")) {
            return Optional.of(true);
        }
        if (scheme.isPresent() && scheme.get().contains("prefer-light")) {
            return Optional.of(false);
        }
        // 'default' (or an older GNOME without color-scheme): a theme named "...-dark" still says dark.
        Optional<String> gtkTheme = commands.output(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"));
        if (gtkTheme.isPresent() && !gtkTheme.get().isBlank()) {
            return Optional.of(gtkTheme.get().toLowerCase(Locale.ROOT).contains("dark"));
        }
        return scheme.map(text -> false);
    }

    /** {@code AppsUseLightTheme    REG_DWORD    0x0}: 0 is dark. */
    static Optional<Boolean> windowsSays(String output) {
        for (String line : output.split("\\R")) {
            if (line.contains("AppsUseLightTheme")) {
                String value = line.strip().replaceAll(".*\\s", "");
                return Optional.of(value.equalsIgnoreCase("0x0"));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            // The answer is one short line, well within the pipe's buffer: wait first, so a command that hangs
            // without a word is given up on instead of blocking a read.
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            try (InputStream in = process.getInputStream()) {
                String output = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
