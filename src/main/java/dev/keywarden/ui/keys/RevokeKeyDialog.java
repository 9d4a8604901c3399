package dev.keywarden.ui.keys;

import dev.keywarden.ui.common.FormDialog;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Revoking is permanent; the dialog says so and offers to deactivate the key instead. */
public final class RevokeKeyDialog extends FormDialog<Boolean> {

    private final Supplier<? extends CompletionStage<?>> revoker;

    /** @param deactivateInstead run when the admin picks that option; null when the key is already deactivated */
    /** @param lockOut a warning that the connection will stop working, or null when it will not */
    public RevokeKeyDialog(String keyName, String suffix, String lockOut, Supplier<? extends CompletionStage<?>> revoker,
                           Runnable deactivateInstead) {
        super("Revoke key", "Revoke permanently");
        this.revoker = revoker;
        getDialogPane().setId("revokeKeyDialog");
        getDialogPane().getStyleClass().add("danger");
        Label warning = new Label("Revoke \u201c" + keyName + "\u201d (ending \u2026" + suffix + ")? "
                + "Revoking is permanent: the key stops working at once and can never be restored. "
                + (deactivateInstead == null ? ""
                        : "If you may need it again, deactivate it instead: it is refused the same way and can be switched back on."));
        if (lockOut != null) {
            warning.setText(lockOut + " " + warning.getText());
        }
        warning.setId("revokeWarning");
        warning.setWrapText(true);
        warning.setMaxWidth(460);
        addWide(warning);
        if (deactivateInstead != null) {
            ButtonType deactivate = new ButtonType("Deactivate instead", ButtonData.OTHER);
            getDialogPane().getButtonTypes().add(0, deactivate);
            Button button = (Button) getDialogPane().lookupButton(deactivate);
            button.setId("deactivateInstead");
            button.addEventFilter(ActionEvent.ACTION, event -> {
                event.consume();
                setResult(false);
                close();
                deactivateInstead.run();
            });
        }
        // The safe choice is the default: Enter does not revoke.
        submitButton().setDefaultButton(false);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
    }

    @Override
    protected CompletionStage<Boolean> submit() {
        return revoker.get().thenApply(done -> true);
    }
}
