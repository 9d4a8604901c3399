package dev.keywarden.core;

import java.util.Locale;

/** One column of a table's sort order; stored as {@code columnId:ASC} or {@code columnId:DESC}. */
public record SortColumn(String columnId, boolean ascending) {

    public SortColumn {
        if (columnId == null || columnId.isBlank() || columnId.contains(":") || columnId.contains(",")) {
            throw new IllegalArgumentException("A column id must be non-blank without ':' or ','.");
        }
    }

    public static SortColumn parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not columnId:ASC|DESC");
        }
        String direction = text.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
        if (!direction.equals("ASC") && !direction.equals("DESC")) {
            throw new IllegalArgumentException("not columnId:ASC|DESC");
        }
        return new SortColumn(text.substring(0, colon).strip(), direction.equals("ASC"));
    }

    public String format() {
        return columnId + ":" + (ascending ? "ASC" : "DESC");
    }
}
