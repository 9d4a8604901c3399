package dev.keywarden.ui.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * The one Undo on offer: the latest deactivation can be taken back for {@link #WINDOW} (the notice's
 * button, or Ctrl+Z); a newer offer replaces it, and running it takes it away.
 */
public final class UndoOffer {
    public static final Duration WINDOW = Duration.ofSeconds(10);

    private final Clock clock;
    private final BiConsumer<String, Runnable> show;
    private Runnable action;
    private Instant until;

    /** @param show shows the text with an Undo button that calls the runnable given */
    public UndoOffer(Clock clock, BiConsumer<String, Runnable> show) {
        this.clock = clock;
        this.show = show;
    }

    public void offer(String text, Runnable undo) {
        this.action = undo;
        this.until = clock.instant().plus(WINDOW);
        Runnable mine = undo;
        show.accept(text, () -> {
            if (action == mine) {
                undo();
            }
        });
    }

    /** Takes the offer away, e.g. when the admin moves to another connection, where it would mean nothing. */
    public void withdraw() {
        action = null;
    }

    public boolean isOffered() {
        return action != null && clock.instant().isBefore(until);
    }

    /** Runs the offer if it is still open; false when there was none (or it ran out). */
    public boolean undo() {
        if (!isOffered()) {
            action = null;
            return false;
        }
        Runnable run = action;
        action = null;
        run.run();
        return true;
    }
}
