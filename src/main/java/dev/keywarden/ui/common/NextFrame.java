package dev.keywarden.ui.common;

import javafx.animation.AnimationTimer;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs work at the start of the next pulse, before its CSS pass and layout, so what the work changes shows in that
 * frame (FX thread only). A caller that asks once for all it has to do till then (a sorted table's rows changed many at
 * once, {@link SortableList}) does it once a frame; {@code Platform.runLater} would run it before the next task queued,
 * between two of a load's deliveries. An animation asks for that pulse.
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
                    runEach(due);
                }
            };
        }
        timer.start();
    }

    /** Every one, even after one fails (its caller would wait for good): the first failure is thrown at the end. */
    private static void runEach(List<Runnable> due) {
        RuntimeException failed = null;
        for (Runnable work : due) {
            try {
                work.run();
            } catch (RuntimeException failure) {
                if (failed == null) {
                    failed = failure;
                } else {
                    failed.addSuppressed(failure);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
