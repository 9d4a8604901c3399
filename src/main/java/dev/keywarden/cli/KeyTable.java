package dev.keywarden.cli;

import dev.keywarden.core.PlainWords;
import dev.keywarden.core.TimeText;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.core.csv.KeysCsv;
import dev.keywarden.core.rotate.LifecycleText;
import dev.keywarden.model.ApiKey;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code keys list} for a person at a terminal (names and ids from the server shown as the console shows them,
 * control characters visible): one line per key, at most {@value #MAX_WIDTH} characters
 * wide (long names are cut with "…"), masked values shortened to their last 6 characters, the creation
 * date in the local zone, and the last use as "3 h ago" / "never".
 */
final class KeyTable {
    static final int MAX_WIDTH = 120;
    private static final String[] HEADERS = {"KIND", "PROJECT ID", "PROJECT", "KEY ID", "NAME", "VALUE", "STATUS", "CREATED", "LAST USED"};
    private static final int[] CAPS = {7, 25, 12, 7, 13, 9, 11, 10, 10};
    /** Where keys expire or rotate (v2), those columns take the place of CREATED, within the same width. */
    private static final String[] LIFECYCLE_HEADERS = {"KIND", "PROJECT ID", "PROJECT", "KEY ID", "NAME", "VALUE", "STATUS", "LAST USED",
            "EXPIRES", "OLD VALUE STOPS"};
    private static final int[] LIFECYCLE_CAPS = {7, 14, 12, 7, 11, 9, 11, 10, 9, 15};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private KeyTable() {
    }

    static void print(List<KeyEntry> rows, Clock clock, PrintWriter out) {
        boolean lifecycle = rows.stream().anyMatch(row -> row.key().expiresAt() != null || row.key().isRotationPending());
        String[] headers = lifecycle ? LIFECYCLE_HEADERS : HEADERS;
        int[] caps = lifecycle ? LIFECYCLE_CAPS : CAPS;
        Instant now = clock.instant();
        List<String[]> lines = new ArrayList<>();
        lines.add(headers);
        for (KeyEntry row : rows) {
            ApiKey key = row.key();
            String[] common = {
                    kindWord(row.kind()),
                    shown(row.projectId()),
                    shown(row.projectName()),
                    Long.toString(key.id()),
                    shown(key.name()),
                    "***" + row.suffix(),
                    KeysCsv.status(key)};
            List<String> line = new ArrayList<>(List.of(common));
            if (lifecycle) {
                line.add(TimeText.relative(key.lastUsed(), clock));
                line.add(LifecycleText.expires(key, now));
                line.add(orEmpty(LifecycleText.oldValueStops(key, now)));
            } else {
                line.add(key.createdAt() == null ? "" : DAY.withZone(clock.getZone()).format(key.createdAt()));
                line.add(TimeText.relative(key.lastUsed(), clock));
            }
            lines.add(line.toArray(String[]::new));
        }
        int[] widths = new int[headers.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.min(caps[i], Math.max(widths[i], line[i].length()));
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                String cell = fit(line[i], widths[i]);
                text.append(i == line.length - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
            }
            out.println(text.toString().stripTrailing());
        }
        out.println(rows.size() == 1 ? "1 key" : rows.size() + " keys");
    }

    /** "project" or "org", short for a table (CSV and JSON say PROJECT or ORGANISATION). */
    static String kindWord(KeyKind kind) {
        return kind == KeyKind.ORGANISATION ? "org" : "project";
    }

    static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Server text as it may reach a terminal: control characters as {@code ⟨U+001B⟩}, keys masked; null as empty. */
    static String shown(String text) {
        return text == null ? "" : PlainWords.shown(text);
    }
}
