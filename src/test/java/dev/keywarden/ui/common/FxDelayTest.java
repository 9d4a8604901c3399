package dev.keywarden.ui.common;

import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What is delayed runs on the FX thread, once the wait is over, and the FX thread is free meanwhile. */
class FxDelayTest {

    @Test
    void runsOnTheFxThreadAfterTheWaitWithoutHoldingIt() throws Exception {
        FxToolkit.registerPrimaryStage();
        CompletableFuture<Long> ran = new CompletableFuture<>();
        CompletableFuture<Boolean> onFx = new CompletableFuture<>();
        CompletableFuture<Long> meanwhile = new CompletableFuture<>();
        long start = System.nanoTime();
        Platform.runLater(() -> {
            new FxDelay().after(Duration.ofMillis(200), () -> {
                onFx.complete(Platform.isFxApplicationThread());
                ran.complete(System.nanoTime());
            });
            Platform.runLater(() -> meanwhile.complete(System.nanoTime()));
        });

        long ranAt = ran.get(10, TimeUnit.SECONDS);
        assertThat(onFx.get()).isTrue();
        assertThat(ranAt - start).as("not before the wait").isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        assertThat(meanwhile.get()).as("the FX thread ran other work during the wait").isLessThan(ranAt);
    }
}
