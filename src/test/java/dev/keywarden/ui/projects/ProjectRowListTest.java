package dev.keywarden.ui.projects;

import dev.keywarden.model.Project;
import dev.keywarden.ui.store.KeySummary;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The projects' rows: a row's changes are told as updates, and those made in one go as one change. */
class ProjectRowListTest {
    private final ProjectRowList list = new ProjectRowList();
    private final List<ReadOnlyObjectWrapper<KeySummary>> figures = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();

    ProjectRowListTest() {
        for (int i = 0; i < 5; i++) {
            ReadOnlyObjectWrapper<KeySummary> keys = new ReadOnlyObjectWrapper<>();
            figures.add(keys);
            list.add(new ProjectRow(project(i, "Project " + i), keys.getReadOnlyProperty()));
        }
        list.addListener((ListChangeListener<ProjectRow>) change -> {
            StringBuilder told = new StringBuilder();
            while (change.next()) {
                told.append(change.wasUpdated() ? "updated " + change.getFrom() + "-" + change.getTo()
                        : change.wasRemoved() ? "removed " + change.getRemovedSize() + " at " + change.getFrom()
                        : "added " + change.getAddedSize()).append(';');
            }
            heard.add(told.toString());
        });
    }

    private static Project project(int i, String name) {
        return new Project("proj_" + i, name, null, "org", Instant.EPOCH, null);
    }

    @Test
    void aRowsFiguresOrProjectChangingIsToldAsAnUpdateOfThatRow() {
        figures.get(3).set(new KeySummary(1, 2, null));
        list.get(1).show(project(1, "Renamed"));

        assertThat(heard).containsExactly("updated 3-4;", "updated 1-2;");
    }

    @Test
    void whatChangesInOneGoIsOneChange() {
        list.inOneChange(() -> {
            figures.get(4).set(new KeySummary(1, 1, null));
            figures.get(0).set(new KeySummary(0, 3, null));
            figures.get(1).set(new KeySummary(2, 2, null));
            list.remove(2);
        });

        assertThat(heard).containsExactly("removed 1 at 2;updated 0-2;updated 3-4;");
    }

    @Test
    void aFilterOverTheRowsFollowsTheirFigures() {
        FilteredList<ProjectRow> withKeys = new FilteredList<>(list, row -> row.keys() != null && row.keys().total() > 0);
        list.inOneChange(() -> {
            figures.get(1).set(new KeySummary(1, 1, null));
            figures.get(3).set(new KeySummary(0, 2, null));
        });
        assertThat(withKeys).extracting(ProjectRow::id).containsExactly("proj_1", "proj_3");

        figures.get(1).set(new KeySummary(0, 0, null));
        assertThat(withKeys).extracting(ProjectRow::id).containsExactly("proj_3");
    }

    @Test
    void aRowThatLeftIsNoLongerWatchedAndRemovingManyIsOneChange() {
        ReadOnlyObjectWrapper<KeySummary> left = figures.get(0);
        list.removeIf(row -> row.id().equals("proj_0") || row.id().equals("proj_2"));
        left.set(new KeySummary(1, 1, null));

        assertThat(heard).containsExactly("removed 1 at 0;removed 1 at 1;");
        assertThat(list).extracting(ProjectRow::id).containsExactly("proj_1", "proj_3", "proj_4");
    }
}
