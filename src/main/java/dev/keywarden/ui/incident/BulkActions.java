package dev.keywarden.ui.incident;

import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.ui.common.DialogService;

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
        if (keys.isEmpty() || context.session().api() == null) {
            return null;
        }
        BulkModel model = new BulkModel(context, context.plan(action, List.copyOf(keys)));
        dialogs.show(BULK_DIALOG, () -> new BulkDialog(model));
        return model;
    }
}
