package dev.keywarden.ui.common;

import dev.keywarden.common.DaemonThreads;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.RunningTask;
import dev.keywarden.core.TaskRunner;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs background calls on daemon threads as JavaFX {@link Task}s; callbacks run on the FX thread.
 * Changes (a toggle, a revoke) get threads of their own, so they never queue behind loads on a slow
 * server.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final int INTERACTIVE_THREADS = 4;
    /** How long one delivery of progress may hold the FX thread (half a frame) before a pulse may run. */
    static final long BATCH_BUDGET_NANOS = 8_000_000;

    private final ExecutorService interactive = Executors.newFixedThreadPool(INTERACTIVE_THREADS, new DaemonThreads("keywarden-io"));
    private final ExecutorService changes = Executors.newCachedThreadPool(new DaemonThreads("keywarden-change"));
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    private final Set<Task<?>> mutations = Collections.newSetFromMap(new ConcurrentHashMap<>());
    /** Each running task's progress, which may outlive the task's thread (a backlog being delivered). */
    private final java.util.Map<Task<?>, ProgressPump> pumps = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Tasks started and not yet finished, for the status bar. Changed on the FX thread only. */
    public ObservableList<Task<?>> running() {
        return running;
    }

    @Override
    public <T> RunningTask run(BackgroundCall<T> call) {
        if (closed) {
            // Started after the window closed (e.g. by a timer): nothing runs, only the final step.
            call.cancelled();
            return RunningTask.DONE;
        }
        ProgressPump progress = new ProgressPump(call);
        Task<T> task = new Task<>() {
            {
                updateTitle(call.title());
            }

            @Override
            protected T call() throws Exception {
                return call.call(progress::publish);
            }
        };
        progress.task = task;
        progress.cancelled = () -> {
            finished(task);
            call.cancelled();
        };
        pumps.put(task, progress);
        if (call.isMutation()) {
            mutations.add(task);
        }
        task.setOnSucceeded(event -> progress.then(() -> {
            finished(task);
            call.succeeded(task.getValue());
        }));
        task.setOnFailed(event -> progress.then(() -> {
            finished(task);
            call.failed(task.getException());
        }));
        task.setOnCancelled(event -> {
            finished(task);
            call.cancelled();
        });
        onFxThread(() -> {
            if (!task.isDone()) {
                running.add(task);
            }
        });
        (call.isMutation() ? changes : interactive).execute(task);
        return () -> cancel(task);
    }

    private void finished(Task<?> task) {
        running.remove(task);
        mutations.remove(task);
        pumps.remove(task);
    }

    /** Stops the task; one whose thread has ended but whose progress is still being delivered stops that, as cancelled. */
    private void cancel(Task<?> task) {
        if (!task.cancel(true)) {
            onFxThread(() -> {
                ProgressPump progress = pumps.get(task);
                if (progress != null) {
                    progress.cancelBacklog();
                }
            });
        }
    }

    /** Whether anything that {@link #cancelLoads()} would stop is running. */
    public boolean hasLoads() {
        return running.stream().anyMatch(task -> !mutations.contains(task));
    }

    /** Cancels every running load, e.g. one the user gave up on; changes already sent are left to finish. */
    public void cancelLoads() {
        for (Task<?> task : List.copyOf(running)) {
            if (!mutations.contains(task)) {
                cancel(task);
            }
        }
    }

    /**
     * Stops everything still running, changes included (closing the window waits for changes first, up to the
     * deadline, so only what outlived that is stopped here). Returns at once: {@link #awaitTermination} waits.
     */
    @Override
    public void close() {
        closed = true;
        for (Task<?> task : List.copyOf(running)) {
            cancel(task);
        }
        interactive.shutdownNow();
        changes.shutdownNow();
    }

    /** After {@link #close()}, off the FX thread: waits until the threads have ended, so what they record is written. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        return interactive.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)
                && changes.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Whether any change is still running (a change cut short at closing would have it interrupted). */
    public boolean hasChanges() {
        return !mutations.isEmpty();
    }

    private static void onFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }


    /**
     * Hands progress to the FX thread in batches: the worker queues each item, and one posted delivery takes every
     * item queued by then, as one batch ({@link BackgroundCall#progressBatch}), for at most {@link #BATCH_BUDGET_NANOS}
     * of the FX thread before it lets a pulse through and goes on. Items reach the call in order, and all of them
     * before its outcome ({@link #then}): a call that ends with a backlog (its worker was quicker than the FX thread)
     * has it delivered in the same budgeted steps, not in one go that would freeze the window.
     */
    private static final class ProgressPump implements Runnable {
        private final BackgroundCall<?> call;
        private final java.util.concurrent.ConcurrentLinkedQueue<Object> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.concurrent.atomic.AtomicBoolean posted = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile Task<?> task;
        /** The call's outcome, waiting for the items queued before it (FX thread only). */
        private Runnable outcome;
        /** What a cancelled call ends with, run instead of a waiting outcome when the backlog is cancelled. */
        private Runnable cancelled;
        /** The backlog was cancelled before the outcome came (FX thread only). */
        private boolean cancelledBeforeItsOutcome;

        ProgressPump(BackgroundCall<?> call) {
            this.call = call;
        }

        void publish(Object item) {
            queue.add(item);
            if (posted.compareAndSet(false, true)) {
                Platform.runLater(this);
            }
        }

        /** On the FX thread, once the call has ended: runs its outcome after every item queued before it. */
        void then(Runnable ended) {
            if (cancelledBeforeItsOutcome) {
                cancelled.run();
                return;
            }
            outcome = ended;
            if (queue.isEmpty() || (task != null && task.isCancelled())) {
                queue.clear();
                runOutcome();
            } else if (posted.compareAndSet(false, true)) {
                Platform.runLater(this);
            }
        }

        @Override
        public void run() {
            posted.set(false);
            deliver(System.nanoTime() + BATCH_BUDGET_NANOS);
            if (!queue.isEmpty()) {
                if (posted.compareAndSet(false, true)) {
                    Platform.runLater(this);
                }
            } else {
                runOutcome();
            }
        }

        /**
         * On the FX thread, for a load whose worker has ended: drops what is still queued and ends the call as
         * cancelled, now if its outcome was waiting, else when the outcome reaches the FX thread (the worker's end and
         * the task's success are two steps, and a cancel can come between them). A change's answer always lands.
         */
        void cancelBacklog() {
            if (call.isMutation()) {
                return; // sent: its answer lands (BackgroundCall.mutation)
            }
            queue.clear();
            if (outcome != null) {
                outcome = null;
                cancelled.run();
            } else {
                cancelledBeforeItsOutcome = true;
            }
        }

        private void runOutcome() {
            Runnable ended = outcome;
            outcome = null;
            if (ended != null) {
                ended.run();
            }
        }

        private void deliver(long until) {
            if (queue.isEmpty()) {
                return;
            }
            if (task != null && task.isCancelled()) {
                queue.clear();
                return;
            }
            call.progressBatch(() -> {
                Object item;
                while ((item = queue.poll()) != null) {
                    call.progressed(item);
                    if (System.nanoTime() > until) {
                        return;
                    }
                }
            });
        }
    }
}
