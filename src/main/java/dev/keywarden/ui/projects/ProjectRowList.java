package dev.keywarden.ui.projects;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.ModifiableObservableListBase;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The projects' rows, as one observable list. A row whose project or key figures changed is told to the list's
 * listeners as an update, as an extractor would, so the filter and the sort follow it; and the changes made while
 * {@link #inOneChange} runs are told as one. A load's batch changes the figures of tens of projects: told one by one,
 * each was a change through the filter, the sort and the table, whose selection model then selects its project again
 * and tells every visible cell (about a tenth of the FX thread's samples in a run of the fx-stall benchmark).
 */
final class ProjectRowList extends ModifiableObservableListBase<ProjectRow> {
    private final List<ProjectRow> rows = new ArrayList<>();
    private final InvalidationListener rowChanged = this::rowChanged;

    /** Runs {@code work}; whatever it changes in the list, rows added, removed or updated, is told as one change. */
    void inOneChange(Runnable work) {
        beginChange();
        try {
            work.run();
        } finally {
            endChange();
        }
    }

    @Override
    public boolean removeIf(Predicate<? super ProjectRow> filter) {
        boolean[] removed = new boolean[1];
        inOneChange(() -> removed[0] = super.removeIf(filter));
        return removed[0];
    }

    private void rowChanged(Observable changed) {
        beginChange();
        try {
            for (int i = 0; i < rows.size(); i++) {
                ProjectRow row = rows.get(i);
                if (row.projectProperty() == changed || row.keysProperty() == changed) {
                    nextUpdate(i);
                }
            }
        } finally {
            endChange();
        }
    }

    @Override
    public ProjectRow get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    protected void doAdd(int index, ProjectRow row) {
        rows.add(index, row);
        watch(row);
    }

    @Override
    protected ProjectRow doSet(int index, ProjectRow row) {
        ProjectRow before = rows.set(index, row);
        unwatch(before);
        watch(row);
        return before;
    }

    @Override
    protected ProjectRow doRemove(int index) {
        ProjectRow row = rows.remove(index);
        unwatch(row);
        return row;
    }

    private void watch(ProjectRow row) {
        row.projectProperty().addListener(rowChanged);
        row.keysProperty().addListener(rowChanged);
    }

    private void unwatch(ProjectRow row) {
        row.projectProperty().removeListener(rowChanged);
        row.keysProperty().removeListener(rowChanged);
    }
}
