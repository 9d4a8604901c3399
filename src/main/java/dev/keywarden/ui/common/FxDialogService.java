package dev.keywarden.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;

import java.util.Optional;
import java.util.function.Supplier;

/** The real dialogs, owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String id, String title, String text) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText(title);
        confirm.getDialogPane().setId(id);
        return owned(confirm).showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public boolean confirm(String id, String title, String text, String action) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OTHER);
        Alert confirm = new Alert(Alert.AlertType.WARNING, text, ButtonType.CANCEL, act);
        confirm.setHeaderText(title);
        confirm.getDialogPane().setId(id);
        ((Button) confirm.getDialogPane().lookupButton(act)).setDefaultButton(false);
        Button cancel = (Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        confirm.setOnShown(event -> cancel.requestFocus());
        return owned(confirm).showAndWait().filter(act::equals).isPresent();
    }

    @Override
    public void showSecret(String heading, String rawValue) {
        owned(new SecretDialog(heading, rawValue)).show();
    }

    @Override
    public void show(String id, Supplier<? extends Dialog<?>> dialog) {
        owned(dialog.get()).show();
    }

    @Override
    public <R> Optional<R> showAndWait(String id, Supplier<? extends Dialog<R>> dialog) {
        return owned(dialog.get()).showAndWait();
    }

    @Override
    public Optional<Path> chooseSaveFile(String id, String title, String fileName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    private <D extends Dialog<?>> D owned(D dialog) {
        Window window = owner.get();
        if (window != null && dialog.getOwner() == null) {
            dialog.initOwner(window);
        }
        // A dialog is a scene of its own: without the window's stylesheet its status colours and headings are plain.
        if (window != null && window.getScene() != null) {
            window.getScene().getStylesheets().stream()
                    .filter(sheet -> !dialog.getDialogPane().getStylesheets().contains(sheet))
                    .forEach(sheet -> dialog.getDialogPane().getStylesheets().add(sheet));
        }
        return dialog;
    }
}
