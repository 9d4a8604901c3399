package dev.keywarden.cli;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.keywarden.core.csv.KeysCsv;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Json;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code csv} and {@code json} output of {@code keys list}. The column names are part of the command
 * line's contract (README, "Command line"): those of the console's key export, {@link KeysCsv}, which
 * writes the CSV, so one script reads both. Times are ISO-8601 UTC as on the wire; an unknown time or a
 * missing project is empty (CSV) or null (JSON).
 */
final class KeyFormats {
    static final List<String> COLUMNS = KeysCsv.COLUMNS;

    /**
     * Indented JSON with every character outside ASCII escaped ({@code \u202e}): the same data for a script,
     * and nothing in a name can move the cursor or reorder the text of a terminal it is printed on.
     */
    static final ObjectWriter JSON = Json.newMapper().writerWithDefaultPrettyPrinter().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private KeyFormats() {
    }

    static void json(List<KeyEntry> rows, PrintWriter out) throws IOException {
        out.println(JSON.writeValueAsString(rows.stream().map(KeyFormats::columns).toList()));
    }

    static void csv(List<KeyEntry> rows, PrintWriter out) throws IOException {
        KeysCsv.write(rows, out);
    }

    /** One key as the JSON object of {@code keys list}; also the key part of {@code leak-find}'s JSON. */
    static Map<String, Object> columns(KeyEntry row) {
        ApiKey key = row.key();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("kind", row.kind().name());
        columns.put("project_id", row.projectId());
        columns.put("project_name", row.projectName());
        columns.put("key_id", key.id());
        columns.put("name", key.name());
        columns.put("masked_value", key.value());
        columns.put("status", KeysCsv.status(key));
        columns.put("created_at", time(key.createdAt()));
        columns.put("last_used", time(key.lastUsed()));
        columns.put("expires_at", time(key.expiresAt()));
        columns.put("rotates_at", time(key.rotatesAt()));
        return columns;
    }

    static String time(Instant time) {
        return time == null ? null : Json.WIRE_TIME.format(time);
    }
}
