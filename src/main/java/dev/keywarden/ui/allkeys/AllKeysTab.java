package dev.keywarden.ui.allkeys;

import dev.keywarden.core.keys.Staleness;
import dev.keywarden.ui.bulk.BulkActions;
import dev.keywarden.ui.common.CsvExport;
import dev.keywarden.ui.common.LazyTabs;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.keys.KeyActions;
import dev.keywarden.ui.watch.WatchModel;
import javafx.scene.control.Tab;

import java.time.Clock;
import java.util.List;

/**
 * The "All keys" tab: loads every key the first time it is shown for a connection (and again when
 * the admin connects elsewhere while it is shown), not before, since it asks for every project's keys.
 * Its content is built when it is first shown.
 */
public final class AllKeysTab extends Tab {
    private final AllKeysModel model;
    private final AllKeysFilter filter;
    private final java.util.function.Supplier<AllKeysPane> newPane;
    private AllKeysPane pane;
    private final WatchModel watch;

    /** @param staleDays the "unused for more than N days" thresholds of the staleness filter */
    public AllKeysTab(AllKeysModel model, WatchModel watch, KeyActions actions, CsvExport export, BulkActions bulk,
                      ConnectionSession session, Clock clock, List<Integer> staleDays) {
        super("All keys");
        this.model = model;
        this.watch = watch;
        this.filter = new AllKeysFilter(new Staleness(clock, staleDays), clock);
        this.newPane = () -> new AllKeysPane(model, filter, actions, export, bulk, watch, clock, session.keyLifecycle());
        setId("allKeysTab");
        LazyTabs.buildWhenFirstSelected(this, this::pane);
        selectedProperty().addListener((obs, before, selected) -> loadIfShown());
        session.organizationProperty().addListener((obs, before, now) -> loadIfShown());
    }

    /** Loads when shown; the watch stops when the tab is left. */
    private void loadIfShown() {
        if (isSelected()) {
            model.loadIfNeeded();
        } else {
            watch.stop();
        }
    }

    public WatchModel watch() {
        return watch;
    }

    /** The tab's content, built now if the tab was never shown. */
    public AllKeysPane pane() {
        if (pane == null) {
            pane = newPane.get();
        }
        return pane;
    }

    /** Back to every key: no text, any status, any last use, any expiry (whether the tab was shown or not). */
    public void clearFilters() {
        filter.clear();
    }

    /** Shows relative times afresh, if the table was built. */
    public void refreshTable() {
        if (pane != null) {
            pane.table().refresh();
        }
    }
}
