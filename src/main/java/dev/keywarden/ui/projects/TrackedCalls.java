package dev.keywarden.ui.projects;

import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.RunningTask;
import dev.keywarden.core.TaskRunner;

import java.util.ArrayList;
import java.util.List;

/** The model's loads still running, each kept until it ends, so a new load or a change of connection can stop them. */
final class TrackedCalls {
    private final TaskRunner runner;
    private final List<RunningTask> running = new ArrayList<>();

    TrackedCalls(TaskRunner runner) {
        this.runner = runner;
    }

    /** Runs {@code call} and keeps its handle until it ends. */
    void run(BackgroundCall<?> call) {
        RunningTask[] handle = new RunningTask[1];
        boolean[] ended = new boolean[1];
        call.onFinally(() -> {
            ended[0] = true;
            running.remove(handle[0]);
        });
        RunningTask task = call.runWith(runner);
        if (!ended[0]) {
            handle[0] = task;
            running.add(task);
        }
    }

    void cancelAll() {
        List.copyOf(running).forEach(RunningTask::cancel);
        running.clear();
    }
}
