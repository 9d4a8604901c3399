package dev.keywarden.ui.store;

import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyRowListTest {
    private final KeyRowList list = new KeyRowList();
    private final Owner owner = new Owner("proj_1", "Project 1");
    private int serial;

    private KeyRow row(long id, boolean valid) {
        return new KeyRow(KeyRef.project("proj_1", id), owner,
                new ApiKey(id, "key " + id, valid, "***************A1b2C" + (id % 10), Instant.EPOCH, null), serial++);
    }

    @Test
    void eachOperationIsOneChangeThatSaysWhereAndWhat() {
        List<String> heard = new ArrayList<>();
        list.addListener((ListChangeListener<KeyRow>) change -> {
            StringBuilder text = new StringBuilder();
            while (change.next()) {
                if (change.wasUpdated()) {
                    text.append("updated ").append(change.getFrom()).append('-').append(change.getTo()).append(';');
                } else {
                    if (change.wasRemoved()) {
                        text.append("removed ").append(ids(change.getRemoved())).append(" at ").append(change.getFrom()).append(';');
                    }
                    if (change.wasAdded()) {
                        text.append("added ").append(ids(change.getAddedSubList())).append(" at ").append(change.getFrom()).append(';');
                    }
                }
            }
            heard.add(text.toString());
        });
        List<KeyRow> rows = new ArrayList<>();
        for (int id = 1; id <= 6; id++) {
            rows.add(row(id, true));
        }

        list.insert(0, rows.subList(2, 6));
        list.insert(0, rows.subList(0, 2));
        list.removeEach(identitySet(rows.get(1), rows.get(2), rows.get(4)));
        list.updated(rows.get(5));
        list.updated(rows.get(0));
        list.updated(rows.get(2));
        list.updatedEach(identitySet(rows.get(0), rows.get(2), rows.get(3), rows.get(5)));
        list.updatedEach(identitySet(rows.get(1)));
        list.removeEvery();

        assertEquals(List.of("added [3, 4, 5, 6] at 0;", "added [1, 2] at 0;",
                "removed [2, 3] at 1;removed [5] at 2;", "updated 2-3;", "updated 0-1;",
                "updated 0-3;", "removed [1, 4, 6] at 0;"), heard);
        assertEquals(0, list.size());
    }

    @Test
    void filteredAndSortedViewsFollowEveryChange() {
        Predicate<KeyRow> active = row -> row.key().valid();
        FilteredList<KeyRow> filtered = new FilteredList<>(list, active);
        SortedList<KeyRow> sorted = new SortedList<>(filtered, Comparator.comparing((KeyRow row) -> row.key().name()));
        Random random = new Random(7);
        List<KeyRow> all = new ArrayList<>();
        List<KeyRow> gone = new ArrayList<>();
        for (int step = 0; step < 400; step++) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    List<KeyRow> added = new ArrayList<>();
                    for (int i = random.nextInt(5); i >= 0; i--) {
                        added.add(row(serial, random.nextBoolean()));
                    }
                    int at = random.nextInt(list.size() + 1);
                    list.insert(at, added);
                    all.addAll(at, added);
                }
                case 1 -> {
                    Set<KeyRow> removed = identitySet();
                    all.stream().filter(row -> random.nextInt(4) == 0).forEach(removed::add);
                    list.removeEach(removed);
                    all.removeIf(removed::contains);
                    gone.addAll(0, removed);
                }
                case 2 -> {
                    // Told one by one, or together with rows no longer in the list (which are left out).
                    boolean together = random.nextBoolean();
                    List<KeyRow> changed = new ArrayList<>(gone.subList(0, Math.min(gone.size(), 3)));
                    for (KeyRow row : all.stream().filter(any -> random.nextInt(3) == 0).toList()) {
                        row.show(new ApiKey(row.id(), "key " + random.nextInt(100), random.nextBoolean(), row.key().value(),
                                Instant.EPOCH, null));
                        changed.add(row);
                        if (!together) {
                            list.updated(row);
                        }
                    }
                    Collections.shuffle(changed, random);
                    if (together) {
                        list.updatedEach(changed);
                    }
                }
                default -> {
                    if (random.nextInt(10) == 0) {
                        list.removeEvery();
                        gone.addAll(0, all);
                        all.clear();
                    }
                }
            }
            assertEquals(all, List.copyOf(list));
            assertEquals(all.stream().filter(active).toList(), List.copyOf(filtered));
            assertEquals(all.stream().filter(active).sorted(Comparator.comparing((KeyRow row) -> row.key().name())).map(row -> row.key().name()).toList(),
                    sorted.stream().map(row -> row.key().name()).toList());
            assertEquals(new java.util.HashSet<>(List.copyOf(filtered)), new java.util.HashSet<>(List.copyOf(sorted)), "the same rows, sorted");
        }
    }

    private static Set<KeyRow> identitySet(KeyRow... rows) {
        Set<KeyRow> set = Collections.newSetFromMap(new IdentityHashMap<>());
        Collections.addAll(set, rows);
        return set;
    }

    private static List<Long> ids(List<? extends KeyRow> rows) {
        return rows.stream().map(KeyRow::id).toList();
    }
}
