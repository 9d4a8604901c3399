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
}
