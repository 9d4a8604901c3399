package dev.keywarden.ui.keys;

import dev.keywarden.ui.common.FormDialog;
import dev.keywarden.ui.common.NameInput;
import dev.keywarden.ui.common.SecretDialog;

import dev.keywarden.api.InvalidRequestException;
import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.common.Problems;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Asks for a new key's name; the key's raw value is then shown once by {@link SecretDialog}. */
public final class NewKeyDialog extends FormDialog<ApiKey> {
    private final TextField name = new TextField();
    private final Label nameError;
    private final Function<String, ? extends CompletionStage<ApiKey>> creator;

    /** @param title e.g. "New key in “Checkout”" */
    public NewKeyDialog(String title, Function<String, ? extends CompletionStage<ApiKey>> creator) {
        super(title, "Create key");
        this.creator = creator;
        getDialogPane().setId("newKeyDialog");
        name.setId("keyName");
        name.setPromptText("e.g. Production agent key");
        addRow("Key name", name);
        nameError = addErrorRow("keyNameError");
        Label hint = new Label("The key's full value is shown once, right after it is created.");
        hint.getStyleClass().add("muted");
        addWide(hint);
        disableSubmitWhen(Bindings.createBooleanBinding(
                () -> !NameInput.isSendable(name.getText()),
                name.textProperty()));
        name.textProperty().addListener((obs, before, now) -> nameError.setText(
                NameInput.problem(now)));
        Platform.runLater(name::requestFocus);
    }

    @Override
    protected CompletionStage<ApiKey> submit() {
        return creator.apply(name.getText().strip()).thenApply(ApiKey::masked);
    }

    @Override
    protected void clearFieldErrors() {
        nameError.setText(null);
    }

    @Override
    protected boolean showNextToField(Throwable error) {
        if (error instanceof InvalidRequestException) {
            nameError.setText(Problems.inPlainWords(error));
            return true;
        }
        return false;
    }
}
