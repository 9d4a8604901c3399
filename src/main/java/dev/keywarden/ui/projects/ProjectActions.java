package dev.keywarden.ui.projects;

import dev.keywarden.ui.common.DialogService;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.ui.connection.ConnectionSession;

/** What the projects table's buttons, menu and shortcuts do: open the right dialog on the right command. */
public final class ProjectActions {
    private final ConnectionSession session;
    private final ProjectCommands commands;
    private final DialogService dialogs;
    private final Notices notices;

    public ProjectActions(ConnectionSession session, ProjectCommands commands, DialogService dialogs, Notices notices) {
        this.session = session;
        this.commands = commands;
        this.dialogs = dialogs;
        this.notices = notices;
    }

    public void newProject() {
        if (session.api() == null) {
            return;
        }
        dialogs.show("newProjectDialog", () -> ProjectDialog.forNew(request -> commands.create(request).thenApply(created -> {
            if (created.defaultKey() != null) {
                dialogs.showSecret("Project \u201c" + created.project().name() + "\u201d was created with its default key "
                        + "\u201c" + KeyNames.name(created.defaultKey()) + "\u201d:", created.defaultKey().value());
            } else {
                notices.show("Project \u201c" + created.project().name() + "\u201d created. The server sent no default key.");
            }
            return created.project();
        })));
    }

    public void editProject(ProjectRow row) {
        if (row == null) {
            return;
        }
        dialogs.show("editProjectDialog", () -> ProjectDialog.forEdit(row.project(), changes -> commands.update(row, changes)));
    }

    public void deleteProject(ProjectRow row) {
        if (row == null) {
            return;
        }
        int keyCount = row.keys() == null ? -1 : row.keys().total();
        String name = row.project().name();
        dialogs.show("deleteProjectDialog", () -> new DeleteProjectDialog(name, keyCount, () -> commands.delete(row)
                .thenRun(() -> notices.show("Project \u201c" + name + "\u201d and its keys were deleted."))));
    }

    public void copyId(ProjectRow row) {
        if (row != null) {
            notices.copy(row.id(), "Project id copied.");
        }
    }

}
