package dev.keywarden.ui.incident;

import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.ui.common.DialogService;
import javafx.stage.Window;

import java.util.Collection;
import java.util.List;

/** What the bulk buttons and the leak finder ask for: a plan of the change, shown before anything is sent. */
public final class BulkActions {
    public static final String BULK_DIALOG = "bulkDialog";

    private final IncidentContext context;
    private final DialogService dialogs;

    public BulkActions(IncidentContext context, DialogService dialogs) {
        this.context = context;
        this.dialogs = dialogs;
    }

    /** Opens the plan of this change for these keys (nothing is sent until the admin starts it). */
    public BulkModel plan(KeyAction action, Collection<KeyEntry> keys) {
        return plan(action, keys, null);
    }

    /** As {@link #plan(KeyAction, Collection)}, over another dialog (the leak finder), so that focus returns there. */
    public BulkModel plan(KeyAction action, Collection<KeyEntry> keys, Window owner) {
        if (keys.isEmpty() || context.session().api() == null) {
            return null;
        }
        BulkModel model = new BulkModel(context, context.plan(action, List.copyOf(keys)));
        dialogs.show(BULK_DIALOG, () -> {
            BulkDialog dialog = new BulkDialog(model);
            if (owner != null) {
                dialog.initOwner(owner);
            }
            return dialog;
        });
        return model;
    }
}
