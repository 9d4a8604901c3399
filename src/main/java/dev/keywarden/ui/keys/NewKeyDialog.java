package dev.keywarden.ui.keys;

import dev.keywarden.core.rotate.LifecycleDurations;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.KeyLifetime;
import dev.keywarden.ui.common.NameFormDialog;
import dev.keywarden.ui.common.NameInput;
import dev.keywarden.ui.common.SecretDialog;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Asks for a new key's name, and, on a server that offers key expiry (v2), its lifetime (never, or a number of days);
 * the key's raw value is then shown once by {@link SecretDialog}.
 */
public final class NewKeyDialog extends NameFormDialog<ApiKey> {
    private final BiFunction<String, KeyLifetime, ? extends CompletionStage<ApiKey>> creator;
    private final RadioButton expires = new RadioButton("Expires in");
    private final TextField days = new TextField("90");

    /** @param title e.g. "New key in “Checkout”" */
    public NewKeyDialog(String title, Function<String, ? extends CompletionStage<ApiKey>> creator) {
        this(title, false, (name, lifetime) -> creator.apply(name));
    }

    /** @param withLifetime whether the lifetime is asked (the server offers v2); otherwise the key never expires */
    public NewKeyDialog(String title, boolean withLifetime, BiFunction<String, KeyLifetime, ? extends CompletionStage<ApiKey>> creator) {
        super(title, "Create key", "Key name", "keyName");
        this.creator = creator;
        getDialogPane().setId("newKeyDialog");
        name.setPromptText("e.g. Production agent key");
        if (withLifetime) {
            addLifetime();
        }
        Label hint = new Label("The key's full value is shown once, right after it is created.");
        hint.getStyleClass().add("muted");
        addWide(hint);
    }

    private void addLifetime() {
        ToggleGroup lifetimes = new ToggleGroup();
        RadioButton never = new RadioButton("Never expires");
        never.setId("newKeyNever");
        never.setToggleGroup(lifetimes);
        expires.setId("newKeyExpires");
        expires.setToggleGroup(lifetimes);
        never.setSelected(true);
        days.setId("newKeyDays");
        days.setPrefColumnCount(5);
        days.disableProperty().bind(expires.selectedProperty().not());
        HBox choices = new HBox(8, never, expires, days, new Label("days"));
        choices.setAlignment(Pos.CENTER_LEFT);
        addRow("Lifetime", choices);
        Label daysError = addErrorRow("newKeyDaysError");
        daysError.textProperty().bind(Bindings.createStringBinding(this::lifetimeProblem, expires.selectedProperty(), days.textProperty()));
        disableSubmitWhen(Bindings.createBooleanBinding(() -> !NameInput.isSendable(name.getText()) || lifetimeProblem() != null,
                name.textProperty(), expires.selectedProperty(), days.textProperty()));
    }

    private String lifetimeProblem() {
        if (!expires.isSelected()) {
            return null;
        }
        try {
            LifecycleDurations.lifetimeDays(days.getText());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    protected CompletionStage<ApiKey> submit(String trimmedName) {
        KeyLifetime lifetime = expires.isSelected() ? KeyLifetime.days(LifecycleDurations.lifetimeDays(days.getText())) : KeyLifetime.NEVER;
        return creator.apply(trimmedName, lifetime).thenApply(ApiKey::masked);
    }
}
