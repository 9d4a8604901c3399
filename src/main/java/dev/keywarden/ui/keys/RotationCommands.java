package dev.keywarden.ui.keys;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.KeyLifecycleApi;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Delay;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.core.rotate.KeyRotations;
import dev.keywarden.core.rotate.RotationResult;
import dev.keywarden.model.Rotation;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.KeyStore;
import dev.keywarden.ui.store.RowState;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Rotations (and keys created with a lifetime) from the console, through the one {@link KeyRotations}: a background
 * change on the open connection ({@link ConnectionSession#change}); the row shows "Rotating…" ({@link RowState#ROTATING})
 * and refuses every other action until the server answers, then shows exactly what it answered; the audit trail records
 * the result. When the answer was lost and reading the key again could not tell, the key is read once more after the
 * call deadline, so the screen ends on the server's truth.
 */
public final class RotationCommands {
    public static final String ROTATE_TAG = "key.rotate";
    public static final String READ_LATER_TAG = "key.rotate.readLater";

    private final ConnectionSession session;
    private final KeyStore store;
    private final TaskRunner runner;
    private final KeyCommands keys;
    private final Delay delay;
    private KeyChangeRecorder recorder = KeyChangeRecorder.NONE;
    private DrainWatch drains;

    public RotationCommands(ConnectionSession session, KeyStore store, TaskRunner runner, KeyCommands keys, Delay delay) {
        this.session = session;
        this.store = store;
        this.runner = runner;
        this.keys = keys;
        this.delay = delay;
    }

    /** Where every rotation sent from here is recorded (the audit trail). */
    public void recordWith(KeyChangeRecorder recorder) {
        this.recorder = recorder;
    }

    /** Watches the old value of each rotation with grace until it stops. */
    public void watchDrainsWith(DrainWatch drains) {
        this.drains = drains;
    }

    /** Whether the row may be rotated now; if not, the status bar says why. */
    public boolean mayAct(KeyRow row) {
        return keys.mayAct(row);
    }

    /**
     * Rotates the key. The stage completes on the FX thread with the result (its new value, when there is one, to be
     * shown once and dropped), or with null when nothing was sent: not connected, or something under way for the key.
     */
    public CompletionStage<RotationResult> rotate(KeyRow row, Rotation rotation) {
        ConfidentApi api = session.api();
        if (api == null || !keys.mayAct(row)) {
            return CompletableFuture.completedFuture(null);
        }
        KeyEntry entry = row.entry();
        Generation.Token connection = session.token();
        AuditContext who = recorder.context();
        store.mark(row, RowState.ROTATING);
        return session.change(BackgroundCall.of("Rotating key " + KeyNames.label(entry.key()),
                                () -> KeyRotations.rotate(v2(api), entry, rotation))
                        .tag(ROTATE_TAG))
                .handle((sent, error) -> sent != null ? sent : KeyRotations.failedToSend(entry, rotation, KeyCommands.asException(error)))
                .thenApply(result -> {
                    finish(api, connection, result, who);
                    return result;
                });
    }

    private void finish(ConfidentApi api, Generation.Token connection, RotationResult result, AuditContext who) {
        KeyRef ref = result.entry().ref();
        if (connection.isCurrent()) {
            session.heard(connection, result.error());
            if (result.after() != null) {
                store.answered(result.entry().with(result.after()));
            }
            boolean unknown = result.outcome() == RotationResult.Outcome.UNKNOWN;
            store.find(ref).ifPresent(row -> store.mark(row, unknown ? RowState.MAY_BE_OUT_OF_DATE : RowState.IDLE));
            if (unknown) {
                settleLater(api, result, connection, who);
            }
            if (drains != null && result.after() != null && result.after().isRotationPending()) {
                drains.watch(ref);
            }
        }
        recorder.rotated(result, who);
    }

    /**
     * A rotation whose outcome is not known: once the deadline has passed it can no longer land, so a read then settles
     * it (KeyRotations.settle): the row shows what the server has, no longer "may be out of date", and the audit trail
     * gets the entry that settles the UNKNOWN one.
     */
    private void settleLater(ConfidentApi api, RotationResult unknown, Generation.Token connection, AuditContext who) {
        KeyEntry entry = unknown.entry();
        Runnable open = session.keepOpen(api);
        delay.after(session.deadline(), () -> {
            long askedAt = store.stamp();
            BackgroundCall.of("Reading key " + KeyNames.label(entry.key()) + " again", () -> KeyRotations.settle(v2(api), unknown))
                    .tag(READ_LATER_TAG)
                    .onSuccess(settled -> {
                        if (settled.outcome() != RotationResult.Outcome.UNKNOWN) {
                            recorder.rotated(settled, who);
                        }
                        if (connection.isCurrent() && settled.after() != null) {
                            store.read(entry.with(settled.after()), askedAt);
                            store.find(entry.ref()).ifPresent(row -> store.mark(row, RowState.IDLE));
                        }
                    })
                    .onFinally(open)
                    .runWith(runner);
        });
    }

    private static KeyLifecycleApi v2(ConfidentApi api) {
        return api.keyLifecycle().orElseThrow(() -> new IllegalStateException(
                "This server does not offer key expiry or rotation (v2)."));
    }

}
