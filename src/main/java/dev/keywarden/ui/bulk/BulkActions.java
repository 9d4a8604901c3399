package dev.keywarden.ui.bulk;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.bulk.BulkPlan;
import dev.keywarden.core.bulk.KeyReads;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.ui.common.DialogService;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.common.Problems;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.KeyStore;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the bulk buttons and the leak finder ask for: a plan of the change, shown before anything is sent.
 * The keys in it are read again from the server first (one GET each, several at once), so the plan says
 * what they are now, not what a list loaded earlier said: a key switched back on elsewhere is not skipped
 * as "already deactivated".
 */
public final class BulkActions {
    public static final String BULK_DIALOG = "bulkDialog";
    public static final String READ_TAG = "incident.planRead";

    private final BulkContext context;
    private final DialogService dialogs;

    public BulkActions(BulkContext context, DialogService dialogs) {
        this.context = context;
        this.dialogs = dialogs;
    }

    /** Reads these keys again, then opens the plan of this change for them (nothing is sent until the admin starts it). */
    public CompletionStage<BulkModel> plan(KeyAction action, Collection<KeyEntry> keys) {
        return plan(action, keys, null);
    }

    /**
     * As {@link #plan(KeyAction, Collection)}, over another dialog (the leak finder), so that focus returns
     * there. The stage completes with the plan shown, or null when none is (nothing chosen, not connected,
     * something under way for one of the keys, the reads failed).
     */
    public CompletionStage<BulkModel> plan(KeyAction action, Collection<KeyEntry> keys, Window owner) {
        ConfidentApi api = context.session().api();
        if (keys.isEmpty() || api == null || refused(keys)) {
            return CompletableFuture.completedFuture(null);
        }
        List<KeyEntry> chosen = List.copyOf(keys);
        KeyStore store = context.store();
        Generation.Token connection = context.session().token();
        long askedAt = store.stamp();
        CompletableFuture<BulkModel> shown = new CompletableFuture<>();
        BackgroundCall.of("Reading " + chosen.size() + (chosen.size() == 1 ? " key" : " keys") + " again for the plan",
                        () -> KeyReads.readAll(api, chosen, KeyReads.PARALLELISM))
                .tag(READ_TAG)
                .onSuccess(read -> {
                    if (connection.isCurrent()) {
                        context.session().heard(connection, read.firstFailure());
                        read.fresh().forEach(entry -> store.read(entry, askedAt));
                        read.gone().forEach(store::removed);
                        shown.complete(show(action, chosen, read, owner));
                    }
                })
                .onFailure(error -> context.problems().report("Could not read the keys again for the plan", error))
                .onFinally(() -> shown.complete(null))
                .runWith(context.runner());
        return shown;
    }

    private BulkModel show(KeyAction action, List<KeyEntry> chosen, KeyReads.Result read, Window owner) {
        List<KeyRef> refs = chosen.stream().map(KeyEntry::ref).toList();
        List<String> notes = new ArrayList<>();
        if (!read.failed().isEmpty()) {
            notes.add(read.failed().size() + (read.failed().size() == 1 ? " key" : " keys") + " could not be read again ("
                    + Problems.inPlainWords(read.firstFailure()) + "): shown as last loaded.");
        }
        BulkModel model = new BulkModel(context, BulkPlan.of(action, refs, context.store().entries(), context.connectionKeySuffix()),
                notes);
        dialogs.show(BULK_DIALOG, () -> {
            BulkDialog dialog = new BulkDialog(model);
            if (owner != null) {
                dialog.initOwner(owner);
            }
            return dialog;
        });
        return model;
    }

    /** Nothing is planned for keys that have something under way; the status bar says which. */
    private boolean refused(Collection<KeyEntry> keys) {
        Optional<KeyRow> busy = keys.stream().map(key -> context.store().find(key.ref())).flatMap(Optional::stream)
                .filter(row -> !row.isIdle()).findFirst();
        busy.ifPresent(row -> context.refusals().refuse(row.state().refusal(KeyNames.label(row.key()))));
        return busy.isPresent();
    }
}
