package dev.keywarden.ui.connection;

import dev.keywarden.api.InvalidRequestException;
import dev.keywarden.model.Organization;
import dev.keywarden.ui.common.FormDialog;
import dev.keywarden.ui.common.NameInput;
import dev.keywarden.ui.common.Problems;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Renames the organisation (the same name rules as projects); the header then shows the server's answer. */
public final class RenameOrganizationDialog extends FormDialog<Organization> {
    private final TextField name = new TextField();
    private final Label nameError;
    private final Organization current;
    private final Function<String, ? extends CompletionStage<Organization>> renamer;

    public RenameOrganizationDialog(Organization current, Function<String, ? extends CompletionStage<Organization>> renamer) {
        super("Rename the organisation", "Rename");
        this.current = current;
        this.renamer = renamer;
        getDialogPane().setId("renameOrganizationDialog");
        name.setId("organizationNewName");
        name.setText(current.name());
        addRow("Name", name);
        nameError = addErrorRow("organizationNameError");
        Label hint = new Label("Everyone in the organisation sees the new name.");
        hint.getStyleClass().add("muted");
        addWide(hint);
        disableSubmitWhen(Bindings.createBooleanBinding(() -> !NameInput.isSendable(name.getText()), name.textProperty()));
        name.textProperty().addListener((obs, before, now) -> nameError.setText(NameInput.problem(now)));
        Platform.runLater(() -> {
            name.requestFocus();
            name.selectAll();
        });
    }

    @Override
    protected CompletionStage<Organization> submit() {
        String wanted = name.getText().strip();
        return wanted.equals(current.name()) ? CompletableFuture.completedFuture(current) : renamer.apply(wanted);
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
