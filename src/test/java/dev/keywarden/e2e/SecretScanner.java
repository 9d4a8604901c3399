package dev.keywarden.e2e;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects everything a session made printable (log records, exception texts, toString()s, file
 * contents), each under a name saying where it came from, and reports every place a secret shows.
 */
final class SecretScanner {
    /**
     * A raw project key as the sandbox issues it (its closing {@code =} left out, which a properties file writes
     * as {@code \=}), or in the 32-hex shape of older data files; a masked one starts with stars instead.
     */
    static final Pattern RAW_PROJECT_KEY = Pattern.compile("confident_us_proj_(?:[0-9a-f]{32}|[A-Za-z0-9+/]{43})");

    private final Map<String, String> texts = new LinkedHashMap<>();

    void add(String source, Object text) {
        texts.merge(source, String.valueOf(text), (a, b) -> a + "\n" + b);
    }

    /** The failure's toString, message and stack trace with every cause and suppressed exception. */
    void addFailure(String source, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        add(source, trace);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            add(source, t.getMessage());
            add(source, t.getLocalizedMessage());
        }
    }

    int size() {
        return texts.size();
    }

    Map<String, String> texts() {
        return texts;
    }

    /** "where: which secret" for every place one of {@code secrets} (named, or all but its last 6 characters) or a raw project key appears. */
    List<String> leaks(Map<String, String> secrets) {
        List<String> found = new ArrayList<>();
        texts.forEach((source, text) -> {
            secrets.forEach((name, secret) -> {
                // All but the last 6 characters is a leak too, and survives a format that escapes the closing =.
                if (text.contains(secret) || secret.length() > 12 && text.contains(secret.substring(0, secret.length() - 6))) {
                    found.add(source + ": " + name);
                }
            });
            if (RAW_PROJECT_KEY.matcher(text).find()) {
                found.add(source + ": a raw project key");
            }
        });
        return found;
    }
}
