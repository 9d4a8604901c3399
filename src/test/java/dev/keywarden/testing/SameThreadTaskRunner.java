package dev.keywarden.testing;

import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.RunningTask;
import dev.keywarden.core.TaskRunner;

/** Runs each call at once on the caller's thread: for tests of view-model logic without a robot. */
public final class SameThreadTaskRunner implements TaskRunner {

    @Override
    public <T> RunningTask run(BackgroundCall<T> call) {
        T result;
        try {
            result = call.call();
        } catch (Exception e) {
            call.failed(e);
            return RunningTask.DONE;
        }
        call.succeeded(result);
        return RunningTask.DONE;
    }
}
