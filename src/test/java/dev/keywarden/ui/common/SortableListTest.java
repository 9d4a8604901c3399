package dev.keywarden.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Its rows, and the changes it tells, against the source sorted or not, through random adds, removals and changes. */
class SortableListTest {
    /** A row whose sort key changes, as a key's name does; told to the source's listeners as an update. */
    private static final class Row {
        final int serial;
        String name;

        Row(int serial, String name) {
            this.serial = serial;
            this.name = name;
        }

        @Override
        public String toString() {
            return name + "#" + serial;
        }
    }

    private static final Comparator<Row> BY_NAME = Comparator.comparing(row -> row.name);

    @Test
    void itsRowsAndTheChangesItTellsFollowTheSourceSortedOrNot() {
        HandToldList<Row> rows = new HandToldList<>();
        FilteredList<Row> shown = new FilteredList<>(rows, row -> !row.name.startsWith("z"));
        List<Runnable> frames = new ArrayList<>();
        SortableList<Row> sortable = new SortableList<>(shown, frames::add);
        List<Row> mirror = new ArrayList<>();
        sortable.addListener((ListChangeListener<Row>) change -> apply(change, mirror));
        Random random = new Random(11);
        Comparator<Row> order = null;
        int serial = 0;
        for (int step = 0; step < 3000; step++) {
            int what = random.nextInt(10);
            if (what < 4) {
                List<Row> added = new ArrayList<>();
                for (int i = random.nextInt(60); i >= 0; i--) {
                    added.add(new Row(serial++, name(random)));
                }
                rows.addAll(random.nextInt(rows.size() + 1), added);
            } else if (what < 6 && !rows.isEmpty()) {
                List<Row> gone = rows.stream().filter(row -> random.nextInt(5) == 0).toList();
                rows.removeAll(gone);
            } else if (what < 8 && !rows.isEmpty()) {
                // One row changed, a few at once, or more than SortableList.FEW_CHANGED (a renamed project's keys).
                List<Integer> changed = new ArrayList<>();
                int many = random.nextInt(3);
                for (int i = many == 0 ? 1 : many == 1 ? 2 + random.nextInt(SortableList.FEW_CHANGED - 1) : 2 * SortableList.FEW_CHANGED; i > 0; i--) {
                    int index = random.nextInt(rows.size());
                    rows.get(index).name = name(random);
                    changed.add(index);
                }
                rows.updated(changed.stream().distinct().sorted().mapToInt(Integer::intValue).toArray());
            } else if (what == 8) {
                order = random.nextBoolean() ? null : random.nextBoolean() ? BY_NAME : BY_NAME.reversed();
                sortable.orderProperty().set(order == null ? null : keyedBy(order));
            } else if (random.nextInt(4) == 0 && !rows.isEmpty()) {
                // From the first row: JavaFX 21's FilteredList tells a permutation of a range further on wrongly.
                // Sometimes with a row added in the same change, after the permutation.
                rows.reverse(0, 1 + random.nextInt(rows.size()), random.nextBoolean() ? List.of(new Row(serial++, name(random))) : List.of());
            } else if (random.nextInt(20) == 0) {
                rows.clear();
            }
            // Rows changed many at once move at the next frame; changes may come before it.
            boolean framed = random.nextBoolean();
            if (framed) {
                nextFrame(frames);
            }
            List<Row> expected = new ArrayList<>(shown);
            if (order != null) {
                expected.sort(order);
                if (framed) {
                    assertEquals(names(expected), names(sortable), "sorted, step " + step);
                }
                assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(sortable), "the same rows, step " + step);
            } else {
                assertEquals(expected, List.copyOf(sortable), "unsorted, step " + step);
            }
            assertEquals(List.copyOf(sortable), mirror, "the changes told, step " + step);
            for (int place = 0; place < sortable.size(); place++) {
                int index = sortable.getSourceIndex(place);
                assertSame(sortable.get(place), shown.get(index), "the source index of place " + place + ", step " + step);
                assertEquals(place, sortable.getViewIndex(index), "the place of source index " + index + ", step " + step);
            }
        }
    }

    @Test
    void unsortedItPassesOnTheSourcesOwnChanges() {
        ObservableList<String> source = FXCollections.observableArrayList("a", "b");
        SortableList<String> sortable = new SortableList<>(source);
        List<String> heard = new ArrayList<>();
        sortable.addListener((ListChangeListener<String>) change -> {
            assertSame(sortable, change.getList());
            while (change.next()) {
                heard.add(change.getFrom() + "-" + change.getTo() + " added " + change.getAddedSubList() + " removed " + change.getRemoved());
            }
        });
        source.add(1, "c");
        source.remove("a");
        assertEquals(List.of("1-2 added [c] removed []", "0-0 added [] removed [a]"), heard);
    }

    @Test
    void unsortedItDoesNotTellRowsChangedInPlace() {
        HandToldList<Row> rows = new HandToldList<>();
        rows.addAll(List.of(new Row(0, "a"), new Row(1, "b"), new Row(2, "c")));
        SortableList<Row> sortable = new SortableList<>(rows);
        List<String> heard = new ArrayList<>();
        sortable.addListener((ListChangeListener<Row>) change -> {
            while (change.next()) {
                heard.add((change.wasUpdated() ? "updated " : change.wasAdded() ? "added " : "other ") + change.getFrom());
            }
        });

        rows.updated(0, 2);
        rows.updatedAndAdded(1, new Row(3, "d"));

        assertEquals(List.of("added 3"), heard, "only the added row, once");
    }

    @Test
    void aChangedRowThatStillSortsWhereItIsKeepsItsPlaceAmongEqualRows() {
        HandToldList<Row> rows = new HandToldList<>();
        SortableList<Row> sortable = new SortableList<>(rows);
        sortable.orderProperty().set(keyedBy(BY_NAME));
        for (int i = 0; i < 5; i++) {
            rows.add(new Row(i, "same"));
        }
        List<Row> before = List.copyOf(sortable);
        List<String> heard = new ArrayList<>();
        sortable.addListener((ListChangeListener<Row>) change -> {
            while (change.next()) {
                heard.add((change.wasUpdated() ? "updated " : change.wasPermutated() ? "permuted " : "other ") + change.getFrom());
            }
        });

        rows.updated(rows.indexOf(before.get(1)));

        assertEquals(before, List.copyOf(sortable));
        assertEquals(List.of(), heard, "a row changed in place is not a change of the sorted rows");
    }

    @Test
    void aChangedRowThatStaysIsPlacedByItsNewKeyAfterwards() {
        HandToldList<Row> rows = new HandToldList<>();
        SortableList<Row> sortable = new SortableList<>(rows);
        sortable.orderProperty().set(keyedBy(BY_NAME));
        rows.addAll(List.of(new Row(0, "a"), new Row(1, "m"), new Row(2, "z")));
        Row changed = rows.get(1);

        changed.name = "n";
        rows.updated(1);
        rows.add(new Row(3, "mm"));

        assertEquals(List.of("a", "mm", "n", "z"), names(sortable));
    }

    @Test
    void rowsChangedTogetherMoveWithinRangesApartAndAreToldAsMovedOnly() {
        HandToldList<Row> rows = new HandToldList<>();
        SortableList<Row> sortable = new SortableList<>(rows);
        sortable.orderProperty().set(keyedBy(BY_NAME));
        for (int i = 0; i < 10; i++) {
            rows.add(new Row(i, "k" + i));
        }
        List<Row> mirror = new ArrayList<>(sortable);
        List<String> updated = new ArrayList<>();
        sortable.addListener((ListChangeListener<Row>) change -> {
            apply(change, mirror);
            change.reset();
            while (change.next()) {
                if (change.wasUpdated()) {
                    change.getList().subList(change.getFrom(), change.getTo()).forEach(row -> updated.add(row.name));
                }
            }
        });

        rows.get(0).name = "k1a"; // moves one place down, in [0, 2)
        rows.get(9).name = "k7a"; // moves one place up, in [8, 10)
        rows.updated(0, 9);

        assertEquals(List.of("k1", "k1a", "k2", "k3", "k4", "k5", "k6", "k7", "k7a", "k8"), names(sortable));
        assertEquals(List.copyOf(sortable), mirror);
        assertEquals(List.of(), updated);
    }

    @Test
    void manyChangedRowsStillInOrderAreNotTold() {
        HandToldList<Row> rows = new HandToldList<>();
        List<Runnable> frames = new ArrayList<>();
        SortableList<Row> sortable = new SortableList<>(rows, frames::add);
        sortable.orderProperty().set(keyedBy(BY_NAME));
        for (int i = 0; i < 2 * SortableList.FEW_CHANGED; i++) {
            rows.add(new Row(i, "same"));
        }
        List<Row> before = List.copyOf(sortable);
        List<String> heard = new ArrayList<>();
        sortable.addListener((ListChangeListener<Row>) change -> {
            while (change.next()) {
                heard.add(change.wasUpdated() ? "updated" : change.wasPermutated() ? "permuted" : "other");
            }
        });

        rows.updated(java.util.stream.IntStream.range(0, rows.size()).toArray());
        nextFrame(frames);

        assertEquals(before, List.copyOf(sortable));
        assertEquals(List.of(), heard);
    }

    @Test
    void manyChangedRowsGoWhereAStableSortPutsThemAndOnlyTheRangeThatMovedIsPermuted() {
        HandToldList<Row> rows = new HandToldList<>();
        List<Runnable> frames = new ArrayList<>();
        SortableList<Row> sortable = new SortableList<>(rows, frames::add);
        sortable.orderProperty().set(keyedBy(BY_NAME));
        Random random = new Random(5);
        for (int i = 0; i < 400; i++) {
            rows.add(new Row(i, String.valueOf((char) ('b' + random.nextInt(4)))));
        }
        List<Row> mirror = new ArrayList<>(sortable);
        List<String> permuted = new ArrayList<>();
        sortable.addListener((ListChangeListener<Row>) change -> {
            while (change.next()) {
                if (change.wasPermutated()) {
                    permuted.add(change.getFrom() + "-" + change.getTo());
                }
            }
            change.reset();
            apply(change, mirror);
        });
        for (int round = 0; round < 20; round++) {
            List<Row> before = List.copyOf(sortable);
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < 3 * SortableList.FEW_CHANGED; i++) {
                int index = random.nextInt(rows.size());
                // Few names, so many ties: a stable sort keeps equal rows in the order they had.
                rows.get(index).name = String.valueOf((char) ('a' + random.nextInt(6)));
                changed.add(index);
            }
            rows.updated(changed.stream().distinct().sorted().mapToInt(Integer::intValue).toArray());
            nextFrame(frames);

            List<Row> stable = new ArrayList<>(before);
            stable.sort(BY_NAME);
            assertEquals(stable, List.copyOf(sortable), "round " + round);
            assertEquals(stable, mirror, "the changes told, round " + round);
        }
        // The rows just before the last one now sort after it: they and it are permuted, no row before them.
        permuted.clear();
        int first = sortable.size() - 2 - SortableList.FEW_CHANGED;
        int[] moved = java.util.stream.IntStream.range(first, sortable.size() - 1).map(at -> rows.indexOf(sortable.get(at))).sorted().toArray();
        for (int index : moved) {
            rows.get(index).name = "z";
        }
        rows.updated(moved);
        nextFrame(frames);
        assertEquals(List.of(first + "-" + sortable.size()), permuted);
    }

    @Test
    void rowsChangedManyAtOnceWaitForTheNextFrameAndMoveThenInOnePermutation() {
        HandToldList<Row> rows = new HandToldList<>();
        List<Runnable> frames = new ArrayList<>();
        SortableList<Row> sortable = new SortableList<>(rows, frames::add);
        sortable.orderProperty().set(keyedBy(BY_NAME));
        for (int i = 0; i < 100; i++) {
            rows.add(new Row(i, "m%03d".formatted(i)));
        }
        List<Row> mirror = new ArrayList<>(sortable);
        List<String> heard = new ArrayList<>();
        sortable.addListener((ListChangeListener<Row>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    change.getList().subList(change.getFrom(), change.getTo()).forEach(row -> heard.add("updated"));
                } else {
                    heard.add(change.wasPermutated() ? "permuted " + change.getFrom() + "-" + change.getTo() : "other");
                }
            }
            change.reset();
            apply(change, mirror);
        });
        int[] firstBatch = java.util.stream.IntStream.range(0, 2 * SortableList.FEW_CHANGED).toArray();
        int[] secondBatch = java.util.stream.IntStream.range(50, 50 + 2 * SortableList.FEW_CHANGED).toArray();

        for (int index : firstBatch) {
            rows.get(index).name = "z" + rows.get(index).name; // to the end
        }
        rows.updated(firstBatch);
        rows.add(new Row(100, "a")); // placed among the old keys meanwhile
        for (int index : secondBatch) {
            rows.get(index).name = "a" + rows.get(index).name; // to the start, after "a"
        }
        rows.updated(secondBatch);

        assertEquals(List.of("other"), heard, "only the added row is told before the frame");
        assertEquals(1, frames.size(), "one frame asked for");
        assertSame(rows.get(100), sortable.get(0));
        nextFrame(frames);

        List<Row> expected = new ArrayList<>(rows);
        expected.sort(BY_NAME);
        assertEquals(expected, List.copyOf(sortable));
        assertEquals(expected, mirror);
        assertEquals(List.of("other", "permuted 1-101"), heard, "one permutation of every row that moved, and only that");
    }

    /** The order by keys that are copies of the rows as they were when keyed: a key not worked out again shows. */
    private static RowOrder<Row> keyedBy(Comparator<Row> order) {
        return new RowOrder<>() {
            @Override
            public Object keyOf(Row row) {
                return new Row(row.serial, row.name);
            }

            @Override
            public int compare(Object key, Object other) {
                return order.compare((Row) key, (Row) other);
            }
        };
    }

    private static void nextFrame(List<Runnable> frames) {
        List<Runnable> due = List.copyOf(frames);
        frames.clear();
        due.forEach(Runnable::run);
    }

    private static String name(Random random) {
        return String.valueOf((char) ('a' + random.nextInt(26))) + random.nextInt(10);
    }

    private static List<String> names(List<Row> rows) {
        return rows.stream().map(row -> row.name).toList();
    }

    /** Replays a change on a copy of the list before it, as a table's view of the rows does. */
    private static <E> void apply(ListChangeListener.Change<? extends E> change, List<E> mirror) {
        while (change.next()) {
            if (change.wasPermutated()) {
                List<E> before = new ArrayList<>(mirror.subList(change.getFrom(), change.getTo()));
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    mirror.set(change.getPermutation(i), before.get(i - change.getFrom()));
                }
            } else if (change.wasUpdated()) {
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    assertSame(change.getList().get(i), mirror.get(i), "an update names the row at its place");
                }
            } else {
                for (int i = 0; i < change.getRemovedSize(); i++) {
                    assertSame(change.getRemoved().get(i), mirror.remove(change.getFrom()), "a removal names the rows at its place");
                }
                mirror.addAll(change.getFrom(), change.getAddedSubList());
            }
        }
    }
}
