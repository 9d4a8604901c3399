package dev.keywarden.ui.common;

import dev.keywarden.api.InvalidRequestException;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import java.util.concurrent.CompletionStage;

/**
 * A form with one name field (a new key, the organisation's new name): the name rule checked as it is
 * typed, the main button off until the name can be sent, and the server's refusal of the name shown
 * next to it.
 */
public abstract class NameFormDialog<R> extends FormDialog<R> {
    protected final TextField name = new TextField();
    private final Label nameError;

    protected NameFormDialog(String title, String submitText, String label, String fieldId) {
        super(title, submitText);
        name.setId(fieldId);
        addRow(label, name);
        nameError = addErrorRow(fieldId + "Error");
        disableSubmitWhen(Bindings.createBooleanBinding(() -> !NameInput.isSendable(name.getText()), name.textProperty()));
        name.textProperty().addListener((obs, before, now) -> nameError.setText(NameInput.problem(now)));
        Platform.runLater(() -> {
            name.requestFocus();
            name.selectAll();
        });
    }

    /** Sends the name as typed, trimmed. */
    protected abstract CompletionStage<R> submit(String trimmedName);

    @Override
    protected final CompletionStage<R> submit() {
        return submit(name.getText().strip());
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
