package dev.keywarden.cli;

import dev.keywarden.core.PlainWords;
import dev.keywarden.core.TimeText;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.core.csv.KeysCsv;
import dev.keywarden.model.ApiKey;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
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
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private KeyTable() {
    }

    static void print(List<KeyEntry> rows, Clock clock, PrintWriter out) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADERS);
        for (KeyEntry row : rows) {
            ApiKey key = row.key();
            lines.add(new String[] {
                    kindWord(row.kind()),
                    shown(row.projectId()),
                    shown(row.projectName()),
                    Long.toString(key.id()),
                    shown(key.name()),
                    "***" + row.suffix(),
                    KeysCsv.status(key),
                    key.createdAt() == null ? "" : DAY.withZone(clock.getZone()).format(key.createdAt()),
                    TimeText.relative(key.lastUsed(), clock)});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.min(CAPS[i], Math.max(widths[i], line[i].length()));
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
