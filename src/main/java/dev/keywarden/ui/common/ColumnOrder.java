package dev.keywarden.ui.common;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;

import java.text.CollationKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's order, as its own comparator sorts (each column of its sort order that is sortable and has a sort type, by
 * the column's comparator, reversed when descending; ties go to the next column), by keys worked out once a row: the
 * rows' cell values, and for a {@link CollatedText} column their collation keys, one for each text: key names repeat
 * across projects ("Default Key"), and making a collation key costs a microsecond or two, some 50 ms for 50,000 rows.
 */
final class ColumnOrder<T> implements RowOrder<T> {
    private final List<TableColumn<T, ?>> columns = new ArrayList<>();
    private final List<Comparator<Object>> comparators = new ArrayList<>();
    /** The column's collator where it sorts by one, else null: its keys are then collation keys. */
    private final List<CollatedText> collators = new ArrayList<>();

    /**
     * At most this many texts' collation keys are kept by column (about 2 MB), those of rows since gone included, while
     * the order lasts; then they are forgotten and kept again.
     */
    static final int TEXTS_KEPT = 10_000;
    /** By column, the texts given a collation key so far, and their keys. */
    private final List<Map<String, CollationKey>> textKeys = new ArrayList<>();

    private ColumnOrder(List<? extends TableColumn<T, ?>> sortOrder) {
        for (TableColumn<T, ?> column : sortOrder) {
            if (column.isSortable() && column.getSortType() != null) {
                columns.add(column);
                collators.add(column.getComparator() instanceof CollatedText text ? text : null);
                Comparator<Object> comparator = keyComparator(column.getComparator() == null
                        ? TableColumnBase.DEFAULT_COMPARATOR : column.getComparator());
                comparators.add(column.getSortType() == TableColumn.SortType.DESCENDING ? comparator.reversed() : comparator);
                textKeys.add(new HashMap<>());
            }
        }
    }

    /** The order of the columns as they are now: a table's comparator is made again at each change of them. */
    static <T> ColumnOrder<T> of(List<? extends TableColumn<T, ?>> sortOrder) {
        return new ColumnOrder<>(sortOrder);
    }

    @Override
    public Object keyOf(T row) {
        if (columns.size() == 1) {
            return keyOf(0, row);
        }
        Object[] keys = new Object[columns.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = keyOf(i, row);
        }
        return keys;
    }

    @Override
    public int compare(Object key, Object other) {
        if (columns.size() == 1) {
            return comparators.get(0).compare(key, other);
        }
        Object[] keys = (Object[]) key;
        Object[] others = (Object[]) other;
        for (int i = 0; i < keys.length; i++) {
            int result = comparators.get(i).compare(keys[i], others[i]);
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    private Object keyOf(int column, T row) {
        Object value = columns.get(column).getCellData(row);
        CollatedText collator = collators.get(column);
        if (collator == null) {
            return value;
        }
        if (value == null) {
            return null;
        }
        Map<String, CollationKey> keys = textKeys.get(column);
        CollationKey key = keys.get(value);
        if (key == null) {
            if (keys.size() >= TEXTS_KEPT) {
                keys.clear();
            }
            key = collator.sortKey((String) value);
            keys.put((String) value, key);
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    private static Comparator<Object> keyComparator(Comparator<?> comparator) {
        return (Comparator<Object>) (comparator instanceof CollatedText ? CollatedText.KEYS : comparator);
    }
}
