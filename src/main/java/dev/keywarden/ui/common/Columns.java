package dev.keywarden.ui.common;

import dev.keywarden.core.TimeText;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.function.Function;

/** Cell factories shared by the projects and keys tables. */
public final class Columns {
    /** "never" (null) sorts as the oldest. */
    public static final Comparator<Instant> OLDEST_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private Columns() {
    }

    public static <S> TableColumn<S, Instant> column(String title, String id) {
        TableColumn<S, Instant> column = new TableColumn<>(title);
        column.setId(id);
        column.setComparator(OLDEST_FIRST);
        return column;
    }

    /** Narrow enough to let names give way, wide enough for "…" and a key's last 6 characters. */
    public static final double VALUE_MIN_WIDTH = 96;
    /** The switch, its icon and "Deactivated" in bold, whole. */
    public static final double STATUS_MIN_WIDTH = 196;
    /** A date and time ("2025-01-23 01:18") whole. */
    public static final double DATE_MIN_WIDTH = 140;
    /** "44 min ago", "never" whole. */
    public static final double RELATIVE_MIN_WIDTH = 96;

    /**
     * A masked key value that, when the column is narrow, loses its start, never its end: the last 6 characters are
     * the only part that tells keys apart ("…ok160=").
     */
    public static <S> TableCell<S, String> maskedValueCell() {
        TableCell<S, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
            }
        };
        cell.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        return cell;
    }

    /** Relative time ("3 h ago", "never") with the exact local time in a tooltip. */
    public static <S> TableCell<S, Instant> relativeTimeCell(Clock clock) {
        return relativeTimeCell(clock, time -> time, "never");
    }

    /**
     * Relative time of what {@code timeOf} finds in the cell's value, with the exact local time in a
     * tooltip; {@code withoutValue} when the cell has no value (e.g. key counts not loaded yet).
     */
    public static <S, T> TableCell<S, T> relativeTimeCell(Clock clock, Function<T, Instant> timeOf, String withoutValue) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || getTableRow() == null || getTableRow().getItem() == null) {
                    setText(null);
                    Tooltips.set(this, null);
                } else if (value == null) {
                    setText(withoutValue);
                    Tooltips.set(this, null);
                } else {
                    Instant time = timeOf.apply(value);
                    setText(TimeText.relative(time, clock));
                    Tooltips.set(this, TimeText.exact(time, ZoneId.systemDefault()));
                }
            }
        };
    }

    public static <S> TableCell<S, Instant> dateCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Instant time, boolean empty) {
                super.updateItem(time, empty);
                if (empty || time == null) {
                    setText(null);
                    Tooltips.set(this, null);
                    return;
                }
                setText(TimeText.date(time, ZoneId.systemDefault()));
                Tooltips.set(this, TimeText.exact(time, ZoneId.systemDefault()));
            }
        };
    }
}
