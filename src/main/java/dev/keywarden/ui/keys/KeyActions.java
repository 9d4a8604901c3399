package dev.keywarden.ui.keys;

import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.keys.KeyPatterns;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.common.DialogService;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.projects.ProjectsModel;
import dev.keywarden.ui.store.KeyRow;

import java.util.concurrent.CompletableFuture;

/**
 * What the keys tables' buttons, menus, switches and shortcuts do, for project and organisation keys:
 * open the right dialog on the right command. Nothing is done to a key while something is under way for it
 * (the status bar says why). Switching off or revoking the organisation key the connection itself uses
 * always asks first, in words that say the connection will stop working, with Cancel as the default.
 */
public final class KeyActions implements KeyTable.Handlers {
    public static final String LOCK_OUT_DIALOG = "lockOutDialog";

    private final ConnectionSession session;
    private final ProjectsModel projects;
    private final ConnectionKey connectionKey;
    private final KeyCommands commands;
    private final DialogService dialogs;
    private final Notices notices;
    private final TaskRunner runner;
    private RotationActions rotations;

    public KeyActions(ConnectionSession session, ProjectsModel projects, ConnectionKey connectionKey, KeyCommands commands,
                      DialogService dialogs, Notices notices, TaskRunner runner) {
        this.session = session;
        this.projects = projects;
        this.connectionKey = connectionKey;
        this.commands = commands;
        this.dialogs = dialogs;
        this.notices = notices;
        this.runner = runner;
    }

    /** What the switch in a row asks for. */
    @Override
    public void setValid(KeyRow row, boolean valid) {
        if (row == null || !commands.mayAct(row) || row.key().valid() == valid) {
            return;
        }
        if (!valid && connectionKey.mayBe(row) && !dialogs.confirm(LOCK_OUT_DIALOG, "Deactivate the key this connection uses?",
                lockOutWarning(row, "deactivate"), "Deactivate and lock out")) {
            return;
        }
        KeyRef ref = row.ref();
        commands.setValid(row, valid).thenAccept(result -> {
            if (result == null || !result.succeeded() || valid) {
                return;
            }
            if (connectionKey.mayBe(row)) {
                lockedOut(row, "deactivated");
            } else {
                notices.offerUndo(KeyChangeWords.sentence(result),
                        () -> projects.store().find(ref).ifPresent(again -> setValid(again, true)));
            }
        });
    }

    /** Where Rotate… goes (the v2 key lifecycle); without it Rotate… is not offered. */
    public void rotateWith(RotationActions rotations) {
        this.rotations = rotations;
    }

    @Override
    public void rotate(KeyRow row) {
        if (rotations != null) {
            rotations.rotate(row);
        }
    }

    /** Rotate… for several keys (the all-keys selection): one dialog each, in turn. */
    public void rotateAll(java.util.List<KeyRow> rows) {
        if (rotations != null) {
            rotations.rotateEach(rows);
        }
    }

    @Override
    public boolean mayRotate() {
        return rotations != null && rotations.mayRotate();
    }

    @Override
    public void toggle(KeyRow row) {
        if (row != null) {
            setValid(row, !row.key().valid());
        }
    }
    public void newKey() {
        ProjectRow row = projects.selected();
        if (row == null) {
            return;
        }
        boolean lifetime = mayRotate();
        dialogs.show("newKeyDialog", () -> new NewKeyDialog("New key in \u201c" + row.project().name() + "\u201d", lifetime,
                (name, days) -> commands.create(row, name, lifetime ? days : null)
                        .thenApply(created -> {
                    dialogs.showSecret("Key \u201c" + KeyNames.name(created) + "\u201d was created in \u201c"
                            + row.project().name() + "\u201d:", created.value());
                    return created;
                })));
    }

    public void newOrganizationKey() {
        if (session.api() == null) {
            return;
        }
        boolean lifetime = mayRotate();
        dialogs.show("newKeyDialog", () -> new NewKeyDialog("New organisation key", lifetime,
                (name, days) -> commands.createOrganizationKey(name, lifetime ? days : null)
                        .thenApply(created -> {
                    dialogs.showSecret("Organisation key \u201c" + KeyNames.name(created) + "\u201d was created. "
                            + "It can manage every project of the organisation:", created.value());
                    return created;
                })));
    }

    @Override
    public void revokeKey(KeyRow row) {
        if (row == null || !commands.mayAct(row)) {
            return;
        }
        ApiKey key = row.key();
        Runnable deactivate = key.valid() ? () -> setValid(row, false) : null;
        String lockOut = connectionKey.mayBe(row) ? lockOutWarning(row, "revoke") : null;
        dialogs.show("revokeKeyDialog", () -> new RevokeKeyDialog(KeyNames.name(key), key.suffix(), lockOut,
                () -> commands.revoke(row).thenCompose(result -> {
                    if (result == null) {
                        return CompletableFuture.failedFuture(new IllegalArgumentException(
                                "Something else is under way for this key: wait for it, then try again."));
                    }
                    if (!result.succeeded() && !result.mayStillLand()) {
                        return CompletableFuture.failedFuture(new IllegalArgumentException(result.message()));
                    }
                    if (result.succeeded()) {
                        notices.show(KeyChangeWords.sentence(result));
                        if (lockOut != null) {
                            lockedOut(row, "revoked");
                        }
                    }
                    return CompletableFuture.completedFuture(result);
                }), deactivate));
    }

    /** Checks a pasted key against the server; starts with the filter's text when that looks like a key. */
    public void checkKey() {
        String filter = projects.filter().textProperty().get();
        String prefill = KeyPatterns.whole(filter) != null ? filter.strip() : "";
        CheckKeyDialog.open(dialogs, session, projects, runner, prefill);
    }

    @Override
    public void copyMasked(KeyRow row) {
        if (row != null) {
            notices.copy(row.key().value(), "Masked value of " + KeyNames.label(row.key()) + " copied.");
        }
    }

    private String lockOutWarning(KeyRow row, String verb) {
        String which = connectionKey.keyInUse().isAmbiguous()
                ? KeyNames.label(row.key()) + " ends like the key this connection uses, so it may be that key."
                : KeyNames.label(row.key()) + " is the key this connection uses.";
        return which + " If you " + verb + " it, this connection stops working at once: every refresh and change "
                + "will be refused until you edit the connection to use another organisation key.";
    }

    private void lockedOut(KeyRow row, String how) {
        session.lockedOut("Locked out: this connection's organisation key " + KeyNames.label(row.key()) + " was " + how
                + ". Edit the connection to use another key.");
    }
}
