package dev.keywarden.ui.keys;

import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.common.NameFormDialog;
import dev.keywarden.ui.common.SecretDialog;
import javafx.scene.control.Label;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Asks for a new key's name; the key's raw value is then shown once by {@link SecretDialog}. */
public final class NewKeyDialog extends NameFormDialog<ApiKey> {
    private final Function<String, ? extends CompletionStage<ApiKey>> creator;

    /** @param title e.g. "New key in “Checkout”" */
    public NewKeyDialog(String title, Function<String, ? extends CompletionStage<ApiKey>> creator) {
        super(title, "Create key", "Key name", "keyName");
        this.creator = creator;
        getDialogPane().setId("newKeyDialog");
        name.setPromptText("e.g. Production agent key");
        Label hint = new Label("The key's full value is shown once, right after it is created.");
        hint.getStyleClass().add("muted");
        addWide(hint);
    }

    @Override
    protected CompletionStage<ApiKey> submit(String trimmedName) {
        return creator.apply(trimmedName).thenApply(ApiKey::masked);
    }
}
