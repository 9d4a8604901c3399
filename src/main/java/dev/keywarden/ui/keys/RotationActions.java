package dev.keywarden.ui.keys;

import dev.keywarden.core.rotate.RotationResult;
import dev.keywarden.ui.common.DialogService;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.ui.common.Problem;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.store.KeyRow;

import java.time.Clock;
import java.util.List;

/**
 * What Rotate… does, for one key or for the all-keys selection (one dialog each, in turn): the dialog, the new value
 * shown once with Copy, a lost or unknown outcome in plain words, and, when the key is the one this connection uses,
 * the offer to move the saved connection to the new value.
 */
public final class RotationActions {
    public static final String DIALOG = "rotateKeyDialog";
    public static final String UPDATE_OWN_KEY_DIALOG = "updateOwnKeyDialog";

    private final ConnectionSession session;
    private final RotationCommands commands;
    private final ConnectionKey connectionKey;
    private final DialogService dialogs;
    private final Notices notices;
    private final ProblemReport problems;
    private final Clock clock;
    private OwnKeyUpdate ownKey = OwnKeyUpdate.NONE;

    public RotationActions(ConnectionSession session, RotationCommands commands, ConnectionKey connectionKey, DialogService dialogs,
                           Notices notices, ProblemReport problems, Clock clock) {
        this.session = session;
        this.commands = commands;
        this.connectionKey = connectionKey;
        this.dialogs = dialogs;
        this.notices = notices;
        this.problems = problems;
        this.clock = clock;
    }

    /** How the connection's own key is updated after it was rotated. */
    public void updateOwnKeyWith(OwnKeyUpdate update) {
        this.ownKey = update;
    }

    /** Whether Rotate… is offered: the server said it has v2. */
    public boolean mayRotate() {
        return session.keyLifecycle().isOffered();
    }

    public void rotate(KeyRow row) {
        rotateEach(row == null ? List.of() : List.of(row));
    }

    /** One dialog per key, the next opening once the previous key was rotated; Cancel stops there. */
    public void rotateEach(List<KeyRow> rows) {
        if (rows.isEmpty() || !mayRotate()) {
            return;
        }
        KeyRow row = rows.get(0);
        List<KeyRow> rest = rows.subList(1, rows.size());
        if (!commands.mayAct(row)) {
            rotateEach(rest);
            return;
        }
        boolean ownKeyRow = connectionKey.mayBe(row);
        dialogs.show(DIALOG, () -> new RotateKeyDialog(new RotateKeyModel(row, clock, ownKeyRow),
                rotation -> commands.rotate(row, rotation).thenApply(result -> {
                    if (result != null && result.outcome() != RotationResult.Outcome.FAILED) {
                        shown(result, row, ownKeyRow);
                        rotateEach(List.copyOf(rest));
                    }
                    return result;
                })));
    }

    /** The new value once, or what is known, in plain words; the own key's update offered. */
    void shown(RotationResult result, KeyRow row, boolean ownKeyRow) {
        switch (result.outcome()) {
            case ROTATED -> {
                notices.show(result.message());
                dialogs.showSecret("Key " + KeyNames.label(row.key()) + " was rotated. Its new value:", result.newValue());
                if (ownKeyRow && !connectionKey.keyInUse().isAmbiguous()) {
                    offerOwnKeyUpdate(result.newValue());
                }
            }
            // Lost (the new value is gone), not known, or refused: said in plain words, kept until dismissed.
            default -> problems.show(new Problem(result.message(), null, true, row.ref().toString()));
        }
    }

    private void offerOwnKeyUpdate(String newValue) {
        String why = ownKey.cannotUpdate();
        if (why != null) {
            problems.show(new Problem("You rotated the key this connection uses. " + why + " Put the new value where this "
                    + "connection's key comes from before the old value stops.", null, true));
            return;
        }
        if (!dialogs.confirm(UPDATE_OWN_KEY_DIALOG, "Update this connection's key?",
                "You rotated the organisation key this connection uses. Save the new value in this connection now, and check "
                        + "it with the server? Without it, this connection stops working when the old value stops.",
                "Save the new value")) {
            notices.show("This connection still uses the old value: edit the connection before it stops.");
            return;
        }
        ownKey.update(newValue).whenComplete((words, error) -> {
            if (error != null) {
                problems.reportChange("The connection could not be updated with the new value", error);
            } else {
                notices.show(words);
            }
        });
    }
}
