package dev.keywarden.core.bulk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** A bulk change under way: cancel it, wait for it, or be told when it ends. */
public final class BulkRun {
    private final CompletableFuture<BulkResult> result = new CompletableFuture<>();
    private volatile boolean cancelled;

    BulkRun() {
    }

    /** Sends nothing more: changes already sent finish and are reported; the rest are reported as not sent. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isDone() {
        return result.isDone();
    }

    /** Completes, on an executor thread, when every key has a result. Never completes exceptionally. */
    public CompletionStage<BulkResult> completion() {
        return result.minimalCompletionStage();
    }

    /**
     * Waits for every key's result. If the waiting thread is interrupted, the run is cancelled (what
     * was sent still finishes) and {@link InterruptedException} is thrown.
     */
    public BulkResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            cancel();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("A bulk change failed outside its own error handling", e.getCause());
        }
    }

    /**
     * Waits for every key's result, also when the waiting thread is interrupted (closing the window, Ctrl+C):
     * then the run is cancelled, the changes already sent are waited for (each ends within the call deadline)
     * and the interrupt is set again on return. So whoever records the run has the result of every change
     * sent, whether the run finished, was cancelled or was interrupted.
     */
    public BulkResult awaitResults() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("A bulk change failed outside its own error handling", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void complete(BulkResult outcome) {
        result.complete(outcome);
    }

    void fail(Throwable error) {
        result.completeExceptionally(error);
    }
}
