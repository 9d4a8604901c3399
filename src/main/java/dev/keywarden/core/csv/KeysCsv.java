package dev.keywarden.core.csv;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Json;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Rows of keys as CSV, in the given order, masked values only. Columns, stable for scripts:
 * {@code kind} ({@code PROJECT} or {@code ORGANISATION}), {@code project_id}, {@code project_name}
 * (empty for organisation keys), {@code key_id}, {@code name}, {@code masked_value}, {@code status}
 * ({@code active} or {@code deactivated}), {@code created_at}, {@code last_used} (ISO-8601 UTC, empty
 * when never used), {@code expires_at} (empty: never, or a server without the v2 key lifecycle) and
 * {@code rotates_at} (when a rotation in flight stops the old value; empty when none).
 */
public final class KeysCsv {
    public static final List<String> COLUMNS = List.of("kind", "project_id", "project_name", "key_id", "name", "masked_value",
            "status", "created_at", "last_used", "expires_at", "rotates_at");

    private KeysCsv() {
    }

    public static void write(Collection<KeyEntry> keys, Writer out) throws IOException {
        CsvRows.write(out, COLUMNS, keys.stream().map(KeysCsv::row).toList());
    }

    private static String[] row(KeyEntry entry) {
        ApiKey key = entry.key();
        return new String[] {entry.kind().name(), CsvRows.text(entry.projectId()), CsvRows.text(entry.projectName()),
                Long.toString(key.id()), CsvRows.text(key.name()), key.masked().value(), status(key), time(key.createdAt()),
                time(key.lastUsed()), time(key.expiresAt()), time(key.rotatesAt())};
    }

    /** "active" or "deactivated", as the status column and the command line's --status say it. */
    public static String status(ApiKey key) {
        return key.valid() ? "active" : "deactivated";
    }

    private static String time(Instant time) {
        return time == null ? "" : Json.WIRE_TIME.format(time);
    }
}
