package dev.keywarden.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One piece of background work with what to do with its outcome, in the style of
 * {@code BackgroundCall.of("Loading projects", api::listProjects).onSuccess(...).onFailure(...).runWith(runner)}.
 * {@code title} is what the status bar shows while it runs.
 */
public final class BackgroundCall<T> {
    private final String title;
    private final Callable<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super Throwable> onFailure = error -> { };
    private final List<Runnable> onFinally = new ArrayList<>();
    private boolean bulk;
    private boolean mutation;

    private BackgroundCall(String title, Callable<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundCall<T> of(String title, Callable<T> work) {
        return new BackgroundCall<>(title, work);
    }

    public static BackgroundCall<Void> ofAction(String title, Runnable work) {
        return new BackgroundCall<>(title, () -> {
            work.run();
            return null;
        });
    }

    public BackgroundCall<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundCall<T> onFailure(Consumer<? super Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs after success, failure or cancellation, e.g. to clear a busy flag. Each call adds one, run in order. */
    public BackgroundCall<T> onFinally(Runnable handler) {
        this.onFinally.add(Objects.requireNonNull(handler));
        return this;
    }

    /** Marks low-priority background filling (e.g. key counts of every project), kept apart from what the user asked for. */
    public BackgroundCall<T> bulk() {
        this.bulk = true;
        return this;
    }

    public boolean isBulk() {
        return bulk;
    }

    /**
     * Marks a call that changes something on the server. "Cancel running loads" leaves it alone: once
     * sent, stopping it would only leave the screen unsure of what the server did.
     */
    public BackgroundCall<T> mutation() {
        this.mutation = true;
        return this;
    }

    public boolean isMutation() {
        return mutation;
    }

    public RunningTask runWith(TaskRunner runner) {
        return runner.run(this);
    }

    public String title() {
        return title;
    }

    public T call() throws Exception {
        return work.call();
    }

    public void succeeded(T result) {
        try {
            onSuccess.accept(result);
        } finally {
            runFinally();
        }
    }

    /** Cancelled before it finished: neither outcome handler runs, the final one does. */
    public void cancelled() {
        runFinally();
    }

    private void runFinally() {
        onFinally.forEach(Runnable::run);
    }

    public void failed(Throwable error) {
        try {
            onFailure.accept(error);
        } finally {
            runFinally();
        }
    }
}
