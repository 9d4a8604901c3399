package dev.keywarden.testing;

import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.RunningTask;
import dev.keywarden.core.TaskRunner;
import javafx.application.Platform;

/**
 * For UI tests: each call on a new daemon thread, its progress and outcome posted to the FX thread.
 * A cancelled call still runs its final step, as the console's runner does.
 */
public final class TestFxTaskRunner implements TaskRunner {

    @Override
    public <T> RunningTask run(BackgroundCall<T> call) {
        Handle handle = new Handle();
        Thread worker = new Thread(() -> {
            try {
                T result = call.call(item -> Platform.runLater(() -> handle.deliver(() -> call.progressed(item))));
                Platform.runLater(() -> handle.finish(() -> call.succeeded(result)));
            } catch (Exception e) {
                Platform.runLater(() -> handle.finish(() -> call.failed(e)));
            }
        }, "test-task: " + call.tag());
        worker.setDaemon(true);
        handle.worker = worker;
        handle.call = call;
        worker.start();
        return handle;
    }

    private static final class Handle implements RunningTask {
        private volatile Thread worker;
        private volatile BackgroundCall<?> call;
        private volatile boolean cancelled;
        private boolean finished;

        void deliver(Runnable callback) {
            if (!cancelled) {
                callback.run();
            }
        }

        /** On the FX thread: the outcome, unless cancelled, in which case only the final step runs. */
        void finish(Runnable outcome) {
            if (finished) {
                return;
            }
            finished = true;
            if (cancelled) {
                call.cancelled();
            } else {
                outcome.run();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            worker.interrupt();
            Platform.runLater(() -> finish(() -> { }));
        }
    }
}
