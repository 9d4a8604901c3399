package dev.keywarden.core.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.keywarden.model.Names;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a header and rows of text cells, for every CSV Keywarden writes (the console's exports and the
 * command line's). Quoting (commas, quotes, line breaks) is the library's. A cell that a spreadsheet
 * would run as a formula, one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return (OWASP's CSV-injection rule), gets a leading {@code '}, so a name such as
 * {@code =HYPERLINK(…)} or a key suffix such as {@code +ok16=} is shown as text. Control and format characters
 * (an escape sequence, a right-to-left override) are written as {@code ⟨U+001B⟩}, as the console shows them, so a
 * CSV printed on a terminal or opened in a spreadsheet cannot hide or reorder anything; line breaks and tabs in a
 * typed reason stay as they are.
 */
public final class CsvRows {
    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvRows() {
    }

    public static void write(Writer out, List<String> columns, Iterable<String[]> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        try (SequenceWriter writer = MAPPER.writer(schema.build()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(out)) {
            for (String[] row : rows) {
                String[] cells = new String[row.length];
                for (int i = 0; i < row.length; i++) {
                    cells[i] = neutralised(visible(row[i]));
                }
                writer.write(cells);
            }
        }
        out.flush();
    }

    /** The cell with a leading {@code '} when a spreadsheet would take it for a formula; null stays null. */
    public static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + cell : cell;
    }

    /** Control and format characters as {@code ⟨U+001B⟩}, except line breaks and tabs. */
    static String visible(String cell) {
        if (cell == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(cell.length());
        int from = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(Names.visible(cell.substring(from, i))).append(c);
                from = i + 1;
            }
        }
        return out.append(Names.visible(cell.substring(from))).toString();
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
