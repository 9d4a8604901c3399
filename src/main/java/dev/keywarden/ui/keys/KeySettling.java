package dev.keywarden.ui.keys;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Delay;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.bulk.KeyChangeService;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.store.KeyStore;
import dev.keywarden.ui.store.RowState;

import java.time.Duration;

/**
 * A change whose answer was lost and that is not known to be made may still land (seen: 8 s later). Once the
 * call deadline has passed, the key is read again ({@link KeyChangeService#settle}); what that shows goes to
 * the store, replaces what the admin was told, and is appended to the audit trail as the entry that
 * settles the first. The gateway stays open for it, also when the admin moves to another connection.
 */
public final class KeySettling {
    public static final String SETTLE_TAG = "key.settle";

    private final ConnectionSession session;
    private final KeyStore store;
    private final TaskRunner runner;
    private final Delay delay;
    private final KeyChangeWords words;

    KeySettling(ConnectionSession session, KeyStore store, TaskRunner runner, Delay delay, KeyChangeWords words) {
        this.session = session;
        this.store = store;
        this.runner = runner;
        this.delay = delay;
        this.words = words;
    }

    /**
     * Reads the key of {@code unsettled} again once {@code deadline} has passed. Call it while the change's
     * gateway is still held open (before the change's own hold is released).
     */
    public void settleLater(ConfidentApi api, KeyResult unsettled, AuditContext who, Generation.Token connection, Duration deadline,
                            KeyChangeRecorder recorder) {
        Runnable open = session.keepOpen(api);
        delay.after(deadline, () -> {
            long askedAt = store.stamp();
            BackgroundCall.of("Reading key " + KeyNames.label(unsettled.entry().key()) + " again after the deadline",
                            () -> KeyChangeService.settle(api, unsettled))
                    .tag(SETTLE_TAG)
                    .onSuccess(settled -> {
                        if (connection.isCurrent()) {
                            show(settled, askedAt);
                        }
                        words.tell(settled, !connection.isCurrent());
                        recorder.record(settled, who, null);
                    })
                    .onFinally(open)
                    .runWith(runner);
        });
    }

    private void show(KeyResult settled, long askedAt) {
        if (settled.after() != null) {
            store.read(settled.entry().with(settled.after()), askedAt);
        } else if (settled.action() == KeyAction.REVOKE && settled.succeeded()) {
            store.removed(settled.entry().ref());
        }
        store.find(settled.entry().ref()).filter(row -> row.state().equals(RowState.MAY_BE_OUT_OF_DATE))
                .ifPresent(row -> store.mark(row, settled.mayStillLand() ? RowState.MAY_BE_OUT_OF_DATE : RowState.IDLE));
    }
}
