package dev.keywarden.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One piece of background work with what to do with its outcome, in the style of
 * {@code BackgroundCall.of("Loading projects", api::listProjects).onSuccess(...).onFailure(...).runWith(runner)}.
 * {@code title} is what the status bar shows while it runs; {@code tag} is a stable name for the kind
 * of work, for tests and for the runner. Work may publish progress items, which reach
 * {@link #onProgress} on the same thread as the outcome handlers, in order, before them.
 */
public final class BackgroundCall<T> {

    /** Work that can publish progress as it goes. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Consumer<Object> progress) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private String tag;
    private Consumer<Object> onProgress = item -> { };
    private Consumer<Runnable> aroundProgressBatch = Runnable::run;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super Throwable> onFailure = error -> { };
    private final List<Runnable> onFinally = new ArrayList<>();
    private boolean mutation;

    private BackgroundCall(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
        this.tag = title;
    }

    public static <T> BackgroundCall<T> of(String title, Callable<T> work) {
        Objects.requireNonNull(work);
        return new BackgroundCall<>(title, progress -> work.call());
    }

    public static BackgroundCall<Void> ofAction(String title, Runnable work) {
        Objects.requireNonNull(work);
        return new BackgroundCall<>(title, progress -> {
            work.run();
            return null;
        });
    }

    public static <T> BackgroundCall<T> withProgress(String title, Work<T> work) {
        return new BackgroundCall<>(title, work);
    }

    /** A stable name for this kind of work (the title by default, which may change with wording). */
    public BackgroundCall<T> tag(String tag) {
        this.tag = Objects.requireNonNull(tag);
        return this;
    }

    public String tag() {
        return tag;
    }

    public BackgroundCall<T> onProgress(Consumer<Object> handler) {
        this.onProgress = Objects.requireNonNull(handler);
        return this;
    }

    /**
     * Runs the delivery of each batch of progress items (those a runner hands over together, e.g. everything published
     * since its last delivery to the FX thread) inside {@code around}: the key store's batch makes one list change of
     * a batch of project key lists instead of one per project.
     */
    public BackgroundCall<T> onProgressBatch(Consumer<Runnable> around) {
        this.aroundProgressBatch = Objects.requireNonNull(around);
        return this;
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

    /** Does the work on the calling thread, handing progress straight to {@link #progressed}. */
    public T call() throws Exception {
        return work.call(this::progressed);
    }

    /** Does the work on the calling thread; {@code progress} decides where and when each item is delivered. */
    public T call(Consumer<Object> progress) throws Exception {
        return work.call(progress);
    }

    public void progressed(Object item) {
        onProgress.accept(item);
    }

    /** Delivers progress items as one batch (see {@link #onProgressBatch}): {@code deliver} calls {@link #progressed} for each. */
    public void progressBatch(Runnable deliver) {
        aroundProgressBatch.accept(deliver);
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
