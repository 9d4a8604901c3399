package dev.keywarden.ui.common;

import javafx.animation.AnimationTimer;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs work at the start of the next pulse, before its CSS pass and layout, so what the work changes shows in that
 * frame, and work asked for several times between two frames is done once (FX thread only). An animation asks for that
 * pulse; {@code Platform.runLater} would run the work before the next task queued, between two of a load's deliveries.
 */
final class NextFrame {
    private static final List<Runnable> WAITING = new ArrayList<>();
    private static AnimationTimer timer;

    private NextFrame() {
    }

    /** {@code work} at the next pulse. */
    static void run(Runnable work) {
        WAITING.add(work);
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    List<Runnable> due = List.copyOf(WAITING);
                    WAITING.clear();
                    due.forEach(Runnable::run);
                }
            };
        }
        timer.start();
    }
}
