package dev.keywarden.testing;

import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.RunningTask;
import dev.keywarden.core.TaskRunner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Does each call's work at once, as a server answers in the order it is asked, but holds the answer
 * (and any progress the work published) until the test delivers it, in whatever order the test
 * wants: for late-answer races. Calls are found by their {@link BackgroundCall#tag() tag}, never by
 * the wording the status bar shows.
 */
public final class ManualTaskRunner implements TaskRunner {
    private final List<Pending<?>> pending = new ArrayList<>();

    private static final class Pending<T> implements RunningTask {
        final BackgroundCall<T> call;
        final List<Object> progress = Collections.synchronizedList(new ArrayList<>());
        final T result;
        final Exception failure;
        boolean cancelled;

        Pending(BackgroundCall<T> call) {
            this.call = call;
            T value = null;
            Exception error = null;
            try {
                value = call.call(progress::add);
            } catch (Exception e) {
                error = e;
            }
            this.result = value;
            this.failure = error;
        }

        /** Delivers held progress up to and including the first item that matches; true if one did. */
        boolean deliverProgressUntil(Predicate<Object> last) {
            while (!progress.isEmpty()) {
                Object item = progress.remove(0);
                if (!cancelled) {
                    call.progressed(item);
                }
                if (last.test(item)) {
                    return true;
                }
            }
            return false;
        }

        void deliver() {
            deliverProgressUntil(item -> false);
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

    public List<String> tags() {
        return pending.stream().map(task -> task.call.tag()).toList();
    }

    /** Delivers the answer (and the held progress) of the first pending call with this tag. */
    public void finish(String tag) {
        Pending<?> task = first(tag);
        pending.remove(task);
        task.deliver();
    }

    /** Delivers the held progress of the first pending call with this tag, up to the first item that matches. */
    public void deliverProgress(String tag, Predicate<Object> upTo) {
        if (!first(tag).deliverProgressUntil(upTo)) {
            throw new AssertionError("no such progress from \"" + tag + "\"");
        }
    }

    private Pending<?> first(String tag) {
        return pending.stream().filter(task -> task.call.tag().equals(tag)).findFirst()
                .orElseThrow(() -> new AssertionError("no pending call tagged \"" + tag + "\" in " + tags()));
    }

    /** Cancels the first pending call with this tag, as Esc does: only its final step runs when it is delivered. */
    public void cancel(String tag) {
        first(tag).cancel();
    }

    /** Cancels every pending call that is not a change, as Esc does. */
    public void cancelLoads() {
        pending.stream().filter(task -> !task.call.isMutation()).forEach(Pending::cancel);
    }

    /** Delivers pending answers, including those of calls they start, until none is left. */
    public void finishAll() {
        while (!pending.isEmpty()) {
            pending.remove(0).deliver();
        }
    }
}
