package dev.keywarden.testing;

import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.RunningTask;
import dev.keywarden.core.TaskRunner;

import java.util.ArrayList;
import java.util.List;

/** Holds every call until the test finishes it, in whatever order the test wants: for races. */
public final class ManualTaskRunner implements TaskRunner {
    private final List<Pending<?>> pending = new ArrayList<>();

    private static final class Pending<T> implements RunningTask {
        final BackgroundCall<T> call;
        boolean cancelled;
        boolean done;

        Pending(BackgroundCall<T> call) {
            this.call = call;
        }

        void finish() {
            done = true;
            if (cancelled) {
                call.cancelled();
                return;
            }
            T result;
            try {
                result = call.call();
            } catch (Exception e) {
                call.failed(e);
                return;
            }
            call.succeeded(result);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }
    }

    @Override
    public <T> RunningTask run(BackgroundCall<T> call) {
        Pending<T> task = new Pending<>(call);
        pending.add(task);
        return task;
    }

    public List<String> titles() {
        return pending.stream().map(task -> task.call.title()).toList();
    }

    /** Runs the first pending call whose title contains the text. */
    public void finish(String titleContains) {
        for (Pending<?> task : pending) {
            if (task.call.title().contains(titleContains)) {
                pending.remove(task);
                task.finish();
                return;
            }
        }
        throw new AssertionError("no pending call like \"" + titleContains + "\" in " + titles());
    }

    /** Runs pending calls, including those they start, until none is left. */
    public void finishAll() {
        while (!pending.isEmpty()) {
            pending.remove(0).finish();
        }
    }
}
