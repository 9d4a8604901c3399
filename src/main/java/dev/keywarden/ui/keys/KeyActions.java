package dev.keywarden.ui.keys;

import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.common.DialogService;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.projects.ProjectsModel;
import dev.keywarden.core.TaskRunner;

/** What the keys table's buttons, menu and shortcuts do: open the right dialog on the right command. */
public final class KeyActions {
    private final ConnectionSession session;
    private final ProjectsModel projects;
    private final KeyCommands commands;
    private final DialogService dialogs;
    private final Notices notices;
    private final TaskRunner runner;

    public KeyActions(ConnectionSession session, ProjectsModel projects, KeyCommands commands, DialogService dialogs,
                      Notices notices, TaskRunner runner) {
        this.session = session;
        this.projects = projects;
        this.commands = commands;
        this.dialogs = dialogs;
        this.notices = notices;
        this.runner = runner;
    }

    /** What the switch in a row asks for. */
    public void setValid(KeyRow row, boolean valid) {
        commands.setValid(row, valid);
    }

    public void toggle(KeyRow row) {
        if (row != null) {
            commands.setValid(row, !row.key().valid());
        }
    }

    public void newKey() {
        ProjectRow row = projects.selected();
        if (row == null) {
            return;
        }
        dialogs.show("newKeyDialog", () -> new NewKeyDialog(row.project().name(), name -> commands.create(row, name)
                .thenApply(created -> {
                    dialogs.showSecret("Key \u201c" + KeyNames.name(created) + "\u201d was created in \u201c"
                            + row.project().name() + "\u201d:", created.value());
                    return created;
                })));
    }

    public void revokeKey(KeyRow row) {
        if (row == null || row.isBusy()) {
            return;
        }
        ApiKey key = row.key();
        Runnable deactivate = key.valid() ? () -> commands.setValid(row, false) : null;
        dialogs.show("revokeKeyDialog", () -> new RevokeKeyDialog(KeyNames.name(key), key.suffix(), () -> commands.revoke(row)
                .thenRun(() -> notices.show("Key " + KeyNames.label(key) + " was revoked.")), deactivate));
    }

    /** Checks a pasted key against the server; starts with the filter's text when that looks like a key. */
    public void checkKey() {
        if (session.api() == null) {
            return;
        }
        String filter = projects.filter().textProperty().get();
        String prefill = filter != null && filter.strip().startsWith("confident_") ? filter.strip() : "";
        String baseUrl = session.api().baseUrl();
        dialogs.show("checkKeyDialog", () -> new CheckKeyDialog(baseUrl, runner, prefill));
    }

    public void copyMasked(KeyRow row) {
        if (row != null) {
            notices.copy(row.key().value(), "Masked value of " + KeyNames.label(row.key()) + " copied.");
        }
    }
}
