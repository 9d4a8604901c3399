package dev.keywarden.ui.common;

import dev.keywarden.core.BackgroundCall;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner hands progress to the FX thread in batches, in order, all of it before the outcome. */
class FxTaskRunnerTest {

    @Test
    void progressArrivesInOrderInBatchesOnTheFxThreadAndAllOfItBeforeTheOutcome() throws Exception {
        FxToolkit.registerPrimaryStage();
        int items = 20_000;
        List<Object> delivered = new ArrayList<>();
        List<Integer> batches = new ArrayList<>();
        List<Boolean> onFxThread = new ArrayList<>();
        CompletableFuture<Integer> outcome = new CompletableFuture<>();
        try (FxTaskRunner runner = new FxTaskRunner()) {
            Platform.runLater(() -> BackgroundCall.withProgress("Publishing", progress -> {
                        for (int i = 0; i < items; i++) {
                            progress.accept(i);
                        }
                        return items;
                    })
                    .onProgressBatch(deliver -> {
                        int before = delivered.size();
                        deliver.run();
                        batches.add(delivered.size() - before);
                    })
                    .onProgress(item -> {
                        onFxThread.add(Platform.isFxApplicationThread());
                        delivered.add(item);
                    })
                    .onSuccess(result -> outcome.complete(delivered.size()))
                    .runWith(runner));

            assertThat(outcome.get(30, TimeUnit.SECONDS)).as("every item before the outcome").isEqualTo(items);
        }
        assertThat(delivered).as("in order").isEqualTo(java.util.stream.IntStream.range(0, items).boxed().toList());
        assertThat(onFxThread).containsOnly(true);
        assertThat(batches).as("fewer deliveries than items: batches").hasSizeLessThan(items);
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(items);
    }

    /**
     * A worker quicker than the FX thread ends with items still queued: they go on arriving in budgeted batches, with
     * the FX thread free in between (for pulses, for anything else posted), and the outcome comes after the last one,
     * never all of the backlog at once.
     */
    @Test
    void aCallEndingWithABacklogFreesTheFxThreadBetweenBatchesBeforeItsOutcome() throws Exception {
        FxToolkit.registerPrimaryStage();
        int items = 40;
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        try (FxTaskRunner runner = new FxTaskRunner()) {
            Platform.runLater(() -> BackgroundCall.withProgress("Publishing", progress -> {
                        for (int i = 0; i < items; i++) {
                            progress.accept(i);
                        }
                        return items;
                    })
                    .onProgress(item -> {
                        if ((Integer) item == 0) {
                            Platform.runLater(() -> events.add("posted meanwhile"));
                        }
                        events.add("item");
                        busy(2);
                    })
                    .onSuccess(result -> {
                        events.add("outcome");
                        outcome.complete(null);
                    })
                    .runWith(runner));
            outcome.get(30, TimeUnit.SECONDS);
        }
        assertThat(events).filteredOn("item"::equals).hasSize(items);
        assertThat(events.indexOf("posted meanwhile")).as("the FX thread was free before the backlog ended")
                .isPositive().isLessThan(events.indexOf("outcome"));
        assertThat(events.get(events.size() - 1)).as("the outcome after every item").isEqualTo("outcome");
        assertThat(events.indexOf("posted meanwhile")).as("with items still to come after it").isLessThan(events.lastIndexOf("item"));
    }

    /**
     * Cancelling a load whose worker has ended while its backlog is still being delivered (Esc, the status bar's
     * Cancel, closing the window) stops the delivery and ends the call as cancelled, not as succeeded.
     */
    @Test
    void cancellingWhileTheBacklogIsDeliveredStopsItAndEndsTheCallCancelled() throws Exception {
        FxToolkit.registerPrimaryStage();
        int items = 40;
        List<Object> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<String> outcome = new CompletableFuture<>();
        CompletableFuture<dev.keywarden.core.RunningTask> running = new CompletableFuture<>();
        try (FxTaskRunner runner = new FxTaskRunner()) {
            Platform.runLater(() -> running.complete(BackgroundCall.withProgress("Publishing", progress -> {
                        for (int i = 0; i < items; i++) {
                            progress.accept(i);
                        }
                        return items;
                    })
                    .onProgress(item -> {
                        delivered.add(item);
                        if ((Integer) item == 5) {
                            running.join().cancel();
                        }
                        busy(2);
                    })
                    .onSuccess(result -> outcome.complete("succeeded"))
                    .onFinally(() -> outcome.complete("cancelled"))
                    .runWith(runner)));

            assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo("cancelled");
            Thread.sleep(100);
            assertThat(delivered).as("nothing delivered after the cancel's batch").hasSizeLessThan(items);
            CompletableFuture<Integer> stillRunning = new CompletableFuture<>();
            Platform.runLater(() -> stillRunning.complete(runner.running().size()));
            assertThat(stillRunning.get(10, TimeUnit.SECONDS)).isZero();
        }
    }

    /** The worker's end and the task's success are two steps: a cancel between them still ends the call cancelled. */
    @Test
    void cancellingAfterTheWorkerEndedButBeforeItsSuccessReachedTheFxThreadEndsTheCallCancelled() throws Exception {
        List<Object> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        assertThat(cancelAfterTheWorkerEnded(false, delivered)).isEqualTo("cancelled");
        assertThat(delivered).as("nothing delivered after the cancel").hasSizeLessThan(ITEMS);
    }

    /** A change's answer lands: cancelling while its progress is delivered stops nothing (BackgroundCall.mutation). */
    @Test
    void cancellingAChangeWhoseWorkerEndedLetsItsAnswerLand() throws Exception {
        List<Object> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        assertThat(cancelAfterTheWorkerEnded(true, delivered)).isEqualTo("succeeded");
        assertThat(delivered).hasSize(ITEMS);
    }

    private static final int ITEMS = 40;

    /**
     * Runs a call that publishes {@link #ITEMS} items and returns; its first item's delivery waits until the worker has
     * returned (its success is then queued behind that delivery) and cancels the call. Returns how the call ended.
     */
    private static String cancelAfterTheWorkerEnded(boolean mutation, List<Object> delivered) throws Exception {
        FxToolkit.registerPrimaryStage();
        CompletableFuture<String> outcome = new CompletableFuture<>();
        CompletableFuture<dev.keywarden.core.RunningTask> running = new CompletableFuture<>();
        java.util.concurrent.CountDownLatch returning = new java.util.concurrent.CountDownLatch(1);
        try (FxTaskRunner runner = new FxTaskRunner()) {
            Platform.runLater(() -> {
                BackgroundCall<Integer> call = BackgroundCall.withProgress("Publishing", progress -> {
                    for (int i = 0; i < ITEMS; i++) {
                        progress.accept(i);
                    }
                    returning.countDown();
                    return ITEMS;
                });
                if (mutation) {
                    call.mutation();
                }
                running.complete(call.onProgress(item -> {
                            delivered.add(item);
                            if ((Integer) item == 0) {
                                try {
                                    returning.await(10, TimeUnit.SECONDS);
                                    Thread.sleep(100);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                running.join().cancel();
                            }
                        })
                        .onSuccess(result -> outcome.complete("succeeded"))
                        .onFinally(() -> outcome.complete("cancelled"))
                        .runWith(runner));
            });
            return outcome.get(30, TimeUnit.SECONDS);
        }
    }

    private static void busy(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
