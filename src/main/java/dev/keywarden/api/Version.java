package dev.keywarden.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Keywarden's own version, from the build. Sent as {@code User-Agent: keywarden/<version>}. */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/keywarden/keywarden.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
