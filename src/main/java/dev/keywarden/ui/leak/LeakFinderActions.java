package dev.keywarden.ui.leak;

import dev.keywarden.core.TaskRunner;
import dev.keywarden.ui.allkeys.AllKeysModel;
import dev.keywarden.ui.bulk.BulkActions;
import dev.keywarden.ui.bulk.BulkContext;
import dev.keywarden.ui.common.DialogService;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.keys.CheckKeyDialog;
import dev.keywarden.ui.projects.ProjectsModel;

import java.time.Clock;

/** Opens the leak finder (Ctrl+L), optionally with text already pasted, and Check a key for one of its candidates. */
public final class LeakFinderActions {
    public static final String LEAK_FINDER_DIALOG = "leakFinderDialog";

    private final BulkContext context;
    private final AllKeysModel allKeys;
    private final ProjectsModel projects;
    private final BulkActions bulk;
    private final DialogService dialogs;
    private final TaskRunner runner;
    private final Clock clock;

    public LeakFinderActions(BulkContext context, AllKeysModel allKeys, ProjectsModel projects, BulkActions bulk, DialogService dialogs,
                             TaskRunner runner, Clock clock) {
        this.context = context;
        this.allKeys = allKeys;
        this.projects = projects;
        this.bulk = bulk;
        this.dialogs = dialogs;
        this.runner = runner;
        this.clock = clock;
    }

    public void open() {
        open("");
    }

    /** With this text pasted, and found at once when there is any. */
    public LeakFinderModel open(String pasted) {
        ConnectionSession session = context.session();
        if (session.api() == null) {
            return null;
        }
        LeakFinderModel model = new LeakFinderModel(allKeys, bulk);
        model.textProperty().set(pasted == null ? "" : pasted);
        if (!model.textProperty().get().isEmpty()) {
            model.find();
        }
        dialogs.show(LEAK_FINDER_DIALOG, () -> new LeakFinderDialog(model,
                raw -> CheckKeyDialog.open(dialogs, session, projects, runner, raw), clock));
        return model;
    }
}
