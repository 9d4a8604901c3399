package dev.keywarden.core;

import dev.keywarden.common.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The per-user configuration folder. In order: system property {@code keywarden.home} (tests set
 * it), {@code $XDG_CONFIG_HOME/keywarden}, then the platform's usual place:
 * {@code ~/.config/keywarden} (Linux and others), {@code ~/Library/Application Support/Keywarden}
 * (macOS), {@code %APPDATA%\Keywarden} (Windows).
 */
public final class AppPaths {
    public static final String HOME_PROPERTY = "keywarden.home";

    private AppPaths() {
    }

    /** The folder, created owner-only (0700 on POSIX) when it does not exist yet. */
    public static Path configDir() {
        Path dir = resolve(System.getProperties(), System.getenv());
        try {
            OwnerOnlyFiles.createOwnerOnlyDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the settings folder " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** Where the folder is, without touching the disk. */
    static Path resolve(Properties system, Map<String, String> env) {
        String explicit = system.getProperty(HOME_PROPERTY);
        if (isSet(explicit)) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (isSet(xdg)) {
            return Path.of(xdg, "keywarden");
        }
        String home = system.getProperty("user.home");
        String os = system.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return isSet(appData) ? Path.of(appData, "Keywarden") : Path.of(home, "AppData", "Roaming", "Keywarden");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Keywarden");
        }
        return Path.of(home, ".config", "keywarden");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
