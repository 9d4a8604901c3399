package dev.keywarden.ui.main;

import dev.keywarden.model.ApiKey;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.ui.dialogs.CheckKeyDialog;
import dev.keywarden.ui.dialogs.DeleteProjectDialog;
import dev.keywarden.ui.dialogs.NewKeyDialog;
import dev.keywarden.ui.dialogs.ProjectDialog;
import dev.keywarden.ui.dialogs.RevokeKeyDialog;
import dev.keywarden.ui.dialogs.SecretDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** What the buttons, menus and shortcuts of the main window do: mostly, open the right dialog. */
public final class MainActions {
    private final MainViewModel model;
    private final TaskRunner runner;
    private final Supplier<Window> owner;
    private final Consumer<String> notice;

    public MainActions(MainViewModel model, TaskRunner runner, Supplier<Window> owner, Consumer<String> notice) {
        this.model = model;
        this.runner = runner;
        this.owner = owner;
        this.notice = notice;
    }

    public void newProject() {
        if (model.apiProperty().get() == null) {
            return;
        }
        ProjectDialog.forNew(owner.get(), (request, accepted, refused) -> model.createProject(request, created -> {
            accepted.accept(created.project());
            if (created.defaultKey() != null) {
                showSecret("Project \u201c" + created.project().name() + "\u201d was created with its default key "
                        + "\u201c" + nameOf(created.defaultKey()) + "\u201d:", created.defaultKey());
            } else {
                notice.accept("Project \u201c" + created.project().name() + "\u201d created. The server sent no default key.");
            }
        }, refused)).show();
    }

    public void editProject(ProjectRow row) {
        if (row == null) {
            return;
        }
        ProjectDialog.forEdit(owner.get(), row.project(), (changes, accepted, refused) ->
                model.updateProject(row, changes, () -> accepted.accept(row.project()), refused)).show();
    }

    public void deleteProject(ProjectRow row) {
        if (row == null) {
            return;
        }
        int keyCount = row.keys() == null ? -1 : row.keys().total();
        String name = row.project().name();
        new DeleteProjectDialog(owner.get(), name, keyCount, (accepted, refused) ->
                model.deleteProject(row, () -> {
                    accepted.accept(true);
                    notice.accept("Project \u201c" + name + "\u201d and its keys were deleted.");
                }, refused)).show();
    }

    public void newKey() {
        ProjectRow row = model.selectedProjectProperty().get();
        if (row == null) {
            return;
        }
        new NewKeyDialog(owner.get(), row.project().name(), (name, accepted, refused) ->
                model.createKey(row, name, created -> {
                    accepted.accept(created.masked());
                    showSecret("Key \u201c" + nameOf(created) + "\u201d was created in \u201c" + row.project().name() + "\u201d:",
                            created);
                }, refused)).show();
    }

    public void revokeKey(KeyRow row) {
        if (row == null || row.isBusy()) {
            return;
        }
        ApiKey key = row.key();
        Runnable deactivate = key.valid() ? () -> model.setKeyValid(row, false) : null;
        new RevokeKeyDialog(owner.get(), nameOf(key), key.suffix(), (accepted, refused) ->
                model.revokeKey(row, () -> {
                    accepted.accept(true);
                    notice.accept("Key " + MainViewModel.describe(key) + " was revoked.");
                }, refused), deactivate).show();
    }

    /** Checks a pasted key against the server; starts with the filter's text when that looks like a key. */
    public void checkKey() {
        if (model.apiProperty().get() == null) {
            return;
        }
        String filter = model.filter().textProperty().get();
        String prefill = filter != null && filter.strip().startsWith("confident_") ? filter.strip() : "";
        new CheckKeyDialog(owner.get(), model.apiProperty().get().baseUrl(), runner, prefill).show();
    }

    public void copyMasked(KeyRow row) {
        if (row != null) {
            copyText(row.key().value(), "Masked value of " + MainViewModel.describe(row.key()) + " copied.");
        }
    }

    public void copyText(String text, String done) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        notice.accept(done);
    }

    /** The one and only display of a raw value; nothing else keeps it. */
    private void showSecret(String heading, ApiKey created) {
        new SecretDialog(owner.get(), heading, created.value()).show();
    }

    private static String nameOf(ApiKey key) {
        return key.name() == null || key.name().isBlank() ? "#" + key.id() : key.name();
    }
}
