package dev.keywarden.ui.common;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.util.function.Consumer;

/** Short confirmations in the notification bar ("Project id copied."), and the clipboard that most of them follow. */
public final class Notices {
    private final Consumer<String> show;
    private final UndoOffer undo;

    public Notices(Consumer<String> show) {
        this(show, null);
    }

    /** With an Undo offer for changes that can be taken back. */
    public Notices(Consumer<String> show, UndoOffer undo) {
        this.show = show;
        this.undo = undo;
    }

    /** Says what was done and offers to undo it for a few seconds (just says it when there is no Undo here). */
    public void offerUndo(String message, Runnable undoIt) {
        if (undo == null) {
            show(message);
        } else {
            undo.offer(message, undoIt);
        }
    }

    public void show(String message) {
        show.accept(message);
    }

    /** Copies text (never a raw key: the secret dialog has its own button) and says so. */
    public void copy(String text, String done) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        show(done);
    }
}
