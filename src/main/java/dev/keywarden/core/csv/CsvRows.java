package dev.keywarden.core.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes a header and rows of text cells; quoting (commas, quotes, line breaks) is the library's. */
final class CsvRows {
    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvRows() {
    }

    static void write(Writer out, List<String> columns, Iterable<String[]> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        try (SequenceWriter writer = MAPPER.writer(schema.build()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(out)) {
            for (String[] row : rows) {
                writer.write(row);
            }
        }
        out.flush();
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
