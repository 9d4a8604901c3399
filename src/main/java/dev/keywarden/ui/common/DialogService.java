package dev.keywarden.ui.common;

import javafx.scene.control.Dialog;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every dialog and alert goes through here, so view models, actions and controllers are tested
 * without a window: a test gives a fake that answers as the admin would. Dialogs are passed as
 * suppliers, named by an id, so a fake never has to build one.
 */
public interface DialogService {

    /** Asks a yes/no question; true only when the admin confirms. */
    boolean confirm(String id, String title, String text);

    /**
     * Asks before an action that is hard to take back: its button is named by what it does ({@code action},
     * e.g. "Deactivate and lock out") and Cancel is the default, so Enter does not do it.
     */
    default boolean confirm(String id, String title, String text, String action) {
        return confirm(id, title, text);
    }

    /** Shows a new key's raw value, the only time it can be seen, with a Copy button. */
    void showSecret(String heading, String rawValue);

    /** Opens a dialog and returns at once; the dialog does its own work (e.g. a form that sends a request). */
    void show(String id, Supplier<? extends Dialog<?>> dialog);

    /** Opens a dialog and waits for its result; empty when it was cancelled. */
    <R> Optional<R> showAndWait(String id, Supplier<? extends Dialog<R>> dialog);

    /**
     * Asks where to save a file (an export), suggesting {@code fileName}; empty when cancelled. Nothing
     * is written here: the caller writes off the FX thread.
     */
    default Optional<Path> chooseSaveFile(String id, String title, String fileName) {
        return Optional.empty();
    }
}
