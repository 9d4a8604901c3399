package dev.keywarden.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A table's rows in the order of its sorted columns: a {@link SortedList} of {@code source} bound to the table's
 * comparator, made anew each time rows leave {@code source} and leave it empty. While no column is sorted, JavaFX's
 * SortedList (21) keeps a reference to every row it ever held: rows that leave are moved out of its array but not
 * cleared from it, and stay until later rows overwrite them. Forgetting 50,000 keys (a change of connection) left
 * them all in memory. Listen to the rows shown through {@link #addListener}: the list shown is not always the same.
 */
public final class SortedRows {

    private SortedRows() {
    }

    public static <T> void install(TableView<T> table, ObservableList<T> source) {
        install(source, table.comparatorProperty(), table.itemsProperty(), table.getSortOrder());
    }

    /** Tells {@code listener} every change of the rows {@code table} shows, across the lists it shows. */
    public static <T> void addListener(TableView<T> table, ListChangeListener<? super T> listener) {
        addListener(table.itemsProperty(), listener);
    }

    /**
     * As {@link #install(TableView, ObservableList)}, for a table's {@code order}, {@code items} and {@code sortOrder}
     * (its sorted columns: a table forgets them when its items are not a sorted list, null included, and they are put
     * back once the new list shows).
     */
    static <T, C> void install(ObservableList<T> source, ObservableValue<Comparator<T>> order,
                               ObjectProperty<ObservableList<T>> items, ObservableList<C> sortOrder) {
        items.set(sorted(source, order));
        source.addListener(new ListChangeListener<T>() {
            @Override
            public void onChanged(Change<? extends T> change) {
                if (!source.isEmpty() || !removedAny(change)) {
                    return;
                }
                if (items.get() instanceof SortedList<T> shown) {
                    shown.comparatorProperty().unbind();
                    // It hears the source until it is collected: unsorted, it does not sort the next rows for nobody.
                    shown.setComparator(null);
                }
                List<C> sorting = List.copyOf(sortOrder);
                // Registered again after the new list's own listener, so that, as now, the list shown has seen each
                // change (and told its listeners) before this one looks at it.
                source.removeListener(this);
                // Through null: the property's change listeners (the table's selection model's) are not told of an empty list
                // replaced by another, equal, one.
                items.set(null);
                items.set(sorted(source, order));
                sortOrder.setAll(sorting);
                source.addListener(this);
            }
        });
    }

    static <T> void addListener(ObservableValue<ObservableList<T>> items, ListChangeListener<? super T> listener) {
        List<ObservableList<T>> heard = new ArrayList<>(List.of(items.getValue()));
        heard.get(0).addListener(listener);
        items.addListener((InvalidationListener) changed -> {
            ObservableList<T> shown = items.getValue();
            if (shown != null && shown != heard.get(0)) {
                heard.get(0).removeListener(listener);
                shown.addListener(listener);
                heard.set(0, shown);
            }
        });
    }

    private static boolean removedAny(ListChangeListener.Change<?> change) {
        while (change.next()) {
            if (change.wasRemoved()) {
                return true;
            }
        }
        return false;
    }

    private static <T> SortedList<T> sorted(ObservableList<T> source, ObservableValue<Comparator<T>> order) {
        SortedList<T> sorted = new SortedList<>(source);
        sorted.comparatorProperty().bind(order);
        return sorted;
    }
}
