package dev.keywarden.ui;

import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.RunningTask;
import dev.keywarden.core.TaskRunner;
import javafx.application.Platform;

/** For UI tests: each call on a new daemon thread, its callbacks posted to the FX thread. */
public final class TestFxTaskRunner implements TaskRunner {

    @Override
    public <T> RunningTask run(BackgroundCall<T> call) {
        Handle handle = new Handle();
        Thread worker = new Thread(() -> {
            try {
                T result = call.call();
                Platform.runLater(() -> handle.deliver(() -> call.succeeded(result)));
            } catch (Exception e) {
                Platform.runLater(() -> handle.deliver(() -> call.failed(e)));
            }
        }, "test-task: " + call.title());
        worker.setDaemon(true);
        handle.worker = worker;
        worker.start();
        return handle;
    }

    private static final class Handle implements RunningTask {
        private volatile Thread worker;
        private volatile boolean cancelled;

        void deliver(Runnable callback) {
            if (!cancelled) {
                callback.run();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            worker.interrupt();
        }

    }
}
