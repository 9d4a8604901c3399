package dev.keywarden.core;

import dev.keywarden.common.OwnerOnlyFiles;
import dev.keywarden.core.pacing.Parallelism;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;

/**
 * How the window and tables looked last time: {@code ui.properties} in the settings folder.
 * Only layout goes here, never a key or anything typed into a field. Settings are cosmetic, so a
 * missing or unreadable file or value simply gives the defaults.
 */
public final class UiSettings {
    public static final String FILE_NAME = "ui.properties";

    private static final String WINDOW = "window.";
    private static final String COLUMN_WIDTH = "table.%s.column.%s.width";
    private static final String SORT_ORDER = "table.%s.sort";
    private static final String DIVIDER = "split.%s.divider.%d";
    /** Written by hand in ui.properties, e.g. {@code staleness.days=14,60,180}. */
    static final String STALENESS_DAYS = "staleness.days";
    /** Written by hand in ui.properties, e.g. {@code parallelism=8}. */
    static final String PARALLELISM = "parallelism";
    /** What a file written before {@link #PARALLELISM} named it; read when that is absent. */
    static final String OLD_ALL_KEYS_PARALLELISM = "allkeys.parallelism";

    /** Chosen in the View menu: {@code theme=system|light|dark}. */
    static final String THEME = "theme";

    private static final List<Integer> DEFAULT_STALE_DAYS = List.of(7, 30, 90);

    private final Path file;
    private final Properties values;

    private UiSettings(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    public static UiSettings load(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        Properties values = new Properties();
        try {
            values.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            // first start
        } catch (IOException | IllegalArgumentException e) {
            values.clear();
        }
        return new UiSettings(file, values);
    }

    /**
     * The "unused for more than N days" thresholds of the all-keys table: {@code staleness.days} in
     * ui.properties (comma-separated whole days, 1 to 3650), else 7, 30 and 90.
     */
    public synchronized List<Integer> staleThresholdsDays() {
        String text = values.getProperty(STALENESS_DAYS);
        if (text == null || text.isBlank()) {
            return DEFAULT_STALE_DAYS;
        }
        try {
            List<Integer> days = java.util.Arrays.stream(text.split(",")).map(String::strip).map(Integer::parseInt)
                    .filter(day -> day >= 1 && day <= 3650).distinct().sorted().toList();
            return days.isEmpty() ? DEFAULT_STALE_DAYS : days;
        } catch (NumberFormatException e) {
            return DEFAULT_STALE_DAYS;
        }
    }

    /**
     * How many calls the console's loads and bulk changes have in flight at once: {@code parallelism} (1 to
     * {@value Parallelism#MAX}; {@code allkeys.parallelism} in older files), else {@value Parallelism#DEFAULT}.
     */
    public synchronized int parallelism() {
        String text = values.getProperty(PARALLELISM, values.getProperty(OLD_ALL_KEYS_PARALLELISM));
        return Parallelism.parseOr(text, Parallelism.DEFAULT);
    }

    /** The look chosen in the View menu; following the system when none was chosen. */
    public synchronized ThemeChoice theme() {
        return ThemeChoice.parse(values.getProperty(THEME));
    }

    public synchronized void setTheme(ThemeChoice choice) {
        values.setProperty(THEME, choice.settingValue());
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<WindowPlacement> windowPlacement() {
        OptionalDouble x = number(WINDOW + "x");
        OptionalDouble y = number(WINDOW + "y");
        OptionalDouble width = number(WINDOW + "width");
        OptionalDouble height = number(WINDOW + "height");
        if (x.isEmpty() || y.isEmpty() || width.isEmpty() || height.isEmpty()) {
            return Optional.empty();
        }
        boolean maximised = Boolean.parseBoolean(values.getProperty(WINDOW + "maximised"));
        return Optional.of(new WindowPlacement(x.getAsDouble(), y.getAsDouble(), width.getAsDouble(), height.getAsDouble(), maximised));
    }

    public WindowPlacement windowPlacement(WindowPlacement fallback) {
        return windowPlacement().orElse(fallback);
    }

    public synchronized void setWindowPlacement(WindowPlacement placement) {
        putNumber(WINDOW + "x", placement.x());
        putNumber(WINDOW + "y", placement.y());
        putNumber(WINDOW + "width", placement.width());
        putNumber(WINDOW + "height", placement.height());
        values.setProperty(WINDOW + "maximised", Boolean.toString(placement.maximised()));
    }

    public synchronized OptionalDouble columnWidth(String tableId, String columnId) {
        return number(COLUMN_WIDTH.formatted(tableId, columnId));
    }

    public double columnWidth(String tableId, String columnId, double fallback) {
        return columnWidth(tableId, columnId).orElse(fallback);
    }

    public synchronized void setColumnWidth(String tableId, String columnId, double width) {
        putNumber(COLUMN_WIDTH.formatted(tableId, columnId), width);
    }

    /** Empty when none was saved or the saved one is unreadable. */
    public synchronized List<SortColumn> sortOrder(String tableId) {
        String text = values.getProperty(SORT_ORDER.formatted(tableId), "");
        List<SortColumn> order = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                order.add(SortColumn.parse(part));
            } catch (IllegalArgumentException e) {
                return List.of();
            }
        }
        return List.copyOf(order);
    }

    public synchronized void setSortOrder(String tableId, List<SortColumn> order) {
        List<String> parts = order.stream().map(SortColumn::format).toList();
        values.setProperty(SORT_ORDER.formatted(tableId), String.join(",", parts));
    }

    public synchronized double dividerPosition(String splitPaneId, int index, double fallback) {
        OptionalDouble position = number(DIVIDER.formatted(splitPaneId, index));
        return position.isPresent() && position.getAsDouble() >= 0 && position.getAsDouble() <= 1 ? position.getAsDouble() : fallback;
    }

    public synchronized void setDividerPosition(String splitPaneId, int index, double position) {
        putNumber(DIVIDER.formatted(splitPaneId, index), position);
    }

    /** Writes the file atomically. */
    public synchronized void save() {
        StringWriter text = new StringWriter();
        try {
            values.store(text, "Keywarden window and table layout");
            OwnerOnlyFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StorageException("Could not save the window layout to " + file + ": " + e.getMessage(), e);
        }
    }

    private OptionalDouble number(String key) {
        String text = values.getProperty(key);
        if (text == null) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private void putNumber(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Not a finite number: " + value);
        }
        values.setProperty(key, Double.toString(value));
    }
}
