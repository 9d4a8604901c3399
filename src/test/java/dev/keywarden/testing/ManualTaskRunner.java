package dev.keywarden.testing;

import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.RunningTask;
import dev.keywarden.core.TaskRunner;

import java.util.ArrayList;
import java.util.List;

/**
 * Does each call's work at once, as a server answers in the order it is asked, but holds the answer
 * until the test delivers it, in whatever order the test wants: for late-answer races.
 */
public final class ManualTaskRunner implements TaskRunner {
    private final List<Pending<?>> pending = new ArrayList<>();

    private static final class Pending<T> implements RunningTask {
        final BackgroundCall<T> call;
        final T result;
        final Exception failure;
        boolean cancelled;

        Pending(BackgroundCall<T> call) {
            this.call = call;
            T value = null;
            Exception error = null;
            try {
                value = call.call();
            } catch (Exception e) {
                error = e;
            }
            this.result = value;
            this.failure = error;
        }

        void deliver() {
            if (cancelled) {
                call.cancelled();
            } else if (failure != null) {
                call.failed(failure);
            } else {
                call.succeeded(result);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
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

    /** Delivers the answer of the first pending call whose title contains the text. */
    public void finish(String titleContains) {
        for (Pending<?> task : pending) {
            if (task.call.title().contains(titleContains)) {
                pending.remove(task);
                task.deliver();
                return;
            }
        }
        throw new AssertionError("no pending call like \"" + titleContains + "\" in " + titles());
    }

    /** Delivers pending answers, including those of calls they start, until none is left. */
    public void finishAll() {
        while (!pending.isEmpty()) {
            pending.remove(0).deliver();
        }
    }
}
