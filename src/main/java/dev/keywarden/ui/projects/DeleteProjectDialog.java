package dev.keywarden.ui.projects;

import dev.keywarden.ui.common.FormDialog;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Deleting a project takes its keys with it, so the admin types the project's name to confirm. */
public final class DeleteProjectDialog extends FormDialog<Boolean> {

    private final Supplier<? extends CompletionStage<?>> deleter;

    /** @param keyCount the project's keys as last fetched, or -1 when not known yet */
    public DeleteProjectDialog(String projectName, int keyCount, Supplier<? extends CompletionStage<?>> deleter) {
        super("Delete project", "Delete project");
        this.deleter = deleter;
        getDialogPane().setId("deleteProjectDialog");
        getDialogPane().getStyleClass().add("danger");
        String keys = keyCount < 0 ? "all of its API keys" : keyCount == 1 ? "its 1 API key" : "its " + keyCount + " API keys";
        Label warning = new Label("Delete \u201c" + projectName + "\u201d and " + keys + "? "
                + "This permanently deletes the project and all its data; applications using its keys will be refused. "
                + "It cannot be undone.");
        warning.setId("deleteWarning");
        warning.setWrapText(true);
        warning.setMaxWidth(460);
        addWide(warning);
        TextField confirm = new TextField();
        confirm.setId("confirmName");
        confirm.setPromptText(projectName);
        addWide(new Label("Type the project's name to confirm:"));
        addWide(confirm);
        disableSubmitWhen(Bindings.createBooleanBinding(() -> !projectName.equals(confirm.getText()), confirm.textProperty()));
        Platform.runLater(confirm::requestFocus);
    }

    @Override
    protected CompletionStage<Boolean> submit() {
        return deleter.get().thenApply(done -> true);
    }
}
