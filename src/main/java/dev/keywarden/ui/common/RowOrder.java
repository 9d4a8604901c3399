package dev.keywarden.ui.common;

/**
 * An order of rows by a sort key worked out once for each row. A table's own comparator works out both rows' cell
 * values at every comparison, and a text column collates them each time: placing a key among 50,000 sorted rows
 * compares it some 16 times, and a load of 50,000 keys into a table sorted by name stalled the window up to 744 ms so.
 */
interface RowOrder<T> {

    /** The row's sort key, as its values are now. */
    Object keyOf(T row);

    /** Negative, zero or positive as the row of {@code key} sorts before, with or after the row of {@code other}. */
    int compare(Object key, Object other);
}
