package dev.keywarden.ui.common;

import dev.keywarden.core.Delay;
import javafx.animation.PauseTransition;

import java.time.Duration;

/** {@link Delay} on the FX timer: nothing waits, and what runs later runs on the FX thread. */
public final class FxDelay implements Delay {

    @Override
    public void after(Duration wait, Runnable then) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(Math.max(1, wait.toMillis())));
        pause.setOnFinished(event -> then.run());
        pause.play();
    }
}
