package dev.keywarden.ui.app;

import dev.keywarden.ui.common.FxTaskRunner;
import javafx.animation.PauseTransition;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.Duration;
import java.util.List;

/**
 * Closing the window keeps the evidence: changes already sent, and their audit entries, are left to finish
 * (at most the call deadline, and a moment to write what they record) before the window closes, with
 * "Finishing 3 changes…" shown meanwhile. Loads stop at once, bulk runs send nothing more, and nothing
 * waits on the FX thread: the window closes when the last change ends, or when the time is up.
 */
final class Quitting {
    /** What a change may take beyond its deadline to record its audit entry. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private final Stage stage;
    private final MainView view;
    private final MainViewModel model;
    private final FxTaskRunner runner;
    private boolean finishing;
    private boolean closing;
    private boolean closed;
    private PauseTransition timeUp;

    Quitting(Stage stage, MainView view, MainViewModel model, FxTaskRunner runner) {
        this.stage = stage;
        this.view = view;
        this.model = model;
        this.runner = runner;
        stage.setOnCloseRequest(event -> {
            if (!mayCloseNow()) {
                event.consume();
            }
        });
    }

    /** Ctrl+Q: as the window's own close button. */
    void request() {
        if (mayCloseNow()) {
            closeNow();
        }
    }

    /** True when nothing is under way; otherwise starts finishing and closes the window once it is done. */
    private boolean mayCloseNow() {
        if (closing || model.session().changesInFlight().count() == 0) {
            closing = true;
            return true;
        }
        if (!finishing) {
            finishing = true;
            view.finishing(model.session().changesInFlight().countProperty());
            runner.cancelLoads();
            model.changesFinished().thenRun(this::closeNow);
            timeUp = new PauseTransition(javafx.util.Duration.millis(model.session().deadline().plus(GRACE).toMillis()));
            timeUp.setOnFinished(event -> closeNow());
            timeUp.play();
        }
        return false;
    }

    /** Once only: whichever comes first, the last change ending or the time running out. */
    private void closeNow() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        if (timeUp != null) {
            timeUp.stop();
        }
        List.copyOf(Window.getWindows()).stream().filter(window -> window != stage).forEach(Window::hide);
        stage.hide();
    }
}
