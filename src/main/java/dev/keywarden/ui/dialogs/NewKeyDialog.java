package dev.keywarden.ui.dialogs;

import dev.keywarden.api.InvalidRequestException;
import dev.keywarden.model.Names;
import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.Problems;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;

import java.util.function.Consumer;

/** Asks for a new key's name; the key's raw value is then shown once by {@link SecretDialog}. */
public final class NewKeyDialog extends FormDialog<ApiKey> {
    public interface Creator {
        void create(String name, Consumer<ApiKey> accepted, Consumer<Throwable> refused);
    }

    private final TextField name = new TextField();
    private final Label nameError;
    private final Creator creator;

    public NewKeyDialog(Window owner, String projectName, Creator creator) {
        super(owner, "New key in \u201c" + projectName + "\u201d", "Create key");
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
                () -> name.getText() == null || name.getText().isBlank() || name.getText().strip().length() > Names.MAX_LENGTH,
                name.textProperty()));
        name.textProperty().addListener((obs, before, now) -> nameError.setText(
                now != null && now.strip().length() > Names.MAX_LENGTH ? "A name can have at most " + Names.MAX_LENGTH + " characters." : null));
        Platform.runLater(name::requestFocus);
    }

    @Override
    protected void submit(Consumer<ApiKey> accepted, Consumer<Throwable> refused) {
        creator.create(name.getText().strip(), accepted, refused);
    }

    @Override
    protected void clearFieldErrors() {
        nameError.setText(null);
    }

    @Override
    protected boolean showNextToField(Throwable error) {
        if (error instanceof InvalidRequestException) {
            nameError.setText(Problems.describe(error));
            return true;
        }
        return false;
    }
}
