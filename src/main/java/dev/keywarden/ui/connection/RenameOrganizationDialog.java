package dev.keywarden.ui.connection;

import dev.keywarden.model.Organization;
import dev.keywarden.ui.common.NameFormDialog;
import javafx.scene.control.Label;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Renames the organisation (the same name rules as projects); the header then shows the server's answer. */
public final class RenameOrganizationDialog extends NameFormDialog<Organization> {
    private final Organization current;
    private final Function<String, ? extends CompletionStage<Organization>> renamer;

    public RenameOrganizationDialog(Organization current, Function<String, ? extends CompletionStage<Organization>> renamer) {
        super("Rename the organisation", "Rename", "Name", "organizationNewName");
        this.current = current;
        this.renamer = renamer;
        getDialogPane().setId("renameOrganizationDialog");
        name.setText(current.name());
        Label hint = new Label("Everyone in the organisation sees the new name.");
        hint.getStyleClass().add("muted");
        addWide(hint);
    }

    @Override
    protected CompletionStage<Organization> submit(String trimmedName) {
        return trimmedName.equals(current.name()) ? CompletableFuture.completedFuture(current) : renamer.apply(trimmedName);
    }
}
