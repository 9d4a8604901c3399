package dev.keywarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.keywarden.model.Json;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code csv} and {@code json} output of {@code keys list}. The column names are part of the command
 * line's contract (README, "Command line"): change them only with a new name, never in place. They are
 * those of the console's key export ({@code core.csv.KeysCsv}, being built for issue 9), so one script
 * reads both.
 * Times are ISO-8601 UTC as on the wire; an unknown time or a missing project is empty (CSV) or null (JSON).
 */
final class KeyFormats {
    static final List<String> COLUMNS = List.of("kind", "project_id", "project_name", "key_id", "name", "masked_value",
            "status", "created_at", "last_used");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Quotes only the values that need it, so {@code cut -d,} works on ids and names without commas. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private KeyFormats() {
    }

    static void json(List<KeyListing> rows, PrintWriter out) throws IOException {
        out.println(JSON.writeValueAsString(rows.stream().map(KeyFormats::columns).toList()));
    }

    static void csv(List<KeyListing> rows, PrintWriter out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        COLUMNS.forEach(schema::addColumn);
        out.print(CSV.writer(schema.build().withHeader()).writeValueAsString(rows.stream().map(KeyFormats::columns).toList()));
    }

    private static Map<String, Object> columns(KeyListing row) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("kind", row.kind().name());
        columns.put("project_id", row.projectId());
        columns.put("project_name", row.projectName());
        columns.put("key_id", row.keyId());
        columns.put("name", row.name());
        columns.put("masked_value", row.value());
        columns.put("status", row.status());
        columns.put("created_at", time(row.createdAt()));
        columns.put("last_used", time(row.lastUsed()));
        return columns;
    }

    private static String time(Instant time) {
        return time == null ? null : Json.WIRE_TIME.format(time);
    }
}
