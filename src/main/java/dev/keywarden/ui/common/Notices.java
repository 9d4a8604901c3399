package dev.keywarden.ui.common;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.util.function.Consumer;

/** Short confirmations in the notification bar ("Project id copied."), and the clipboard that most of them follow. */
public final class Notices {
    private final Consumer<String> show;
    private final Consumer<String> warn;
    private final UndoOffer undo;
    private final Consumer<String> offerIsAWarning;

    public Notices(Consumer<String> show) {
        this(show, null);
    }

    /** With an Undo offer for changes that can be taken back. */
    public Notices(Consumer<String> show, UndoOffer undo) {
        this(show, show, undo, text -> { });
    }

    /**
     * @param warn            shows what went only partly well (in the warning colour, not the notice's)
     * @param offerIsAWarning restyles the Undo offer just made with this text as a warning
     */
    public Notices(Consumer<String> show, Consumer<String> warn, UndoOffer undo, Consumer<String> offerIsAWarning) {
        this.show = show;
        this.warn = warn;
        this.undo = undo;
        this.offerIsAWarning = offerIsAWarning;
    }

    /** What went only partly well (some keys changed, others failed): never in the colour of a success. */
    public void warn(String message) {
        warn.accept(message);
    }

    /** Offers Undo; a partial result is shown as a warning, Undo still offered for what did change. */
    public void offerUndo(String message, Runnable undoIt, boolean partial) {
        if (undo == null) {
            if (partial) {
                warn(message);
            } else {
                show(message);
            }
            return;
        }
        undo.offer(message, undoIt);
        if (partial) {
            offerIsAWarning.accept(message);
        }
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
