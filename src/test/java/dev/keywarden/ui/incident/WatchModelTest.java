package dev.keywarden.ui.incident;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.watch.KeyWatch;
import dev.keywarden.testing.ConsoleModels;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class WatchModelTest {
    private final ConsoleModels models = ConsoleModels.connected();
    private final BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private final WatchModel watch = new WatchModel(models.model.session(), fx::add, Clock.systemUTC(), Duration.ofMillis(50));

    private List<KeyEntry> key1() {
        models.model.allKeys().load();
        models.runner.finishAll();
        return models.model.allKeys().entries().stream().filter(entry -> entry.key().id() == 1).toList();
    }

    /** Runs what the watch hands to the FX thread until the condition holds (generous upper bound, not a timing assert). */
    private void runFxUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            Runnable next = fx.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(end);
        }
    }

    @Test
    void marksAKeyUsedWhileWatchedAndSaysHowLongItHasBeenQuiet() throws Exception {
        watch.watch(key1());
        runFxUntil("a first read", () -> watch.rows().get(0).checkedAt() != null);
        assertThat(watch.rows().get(0).lastUsed()).isNull();
        assertThat(watch.usedWhileWatched()).isEmpty();

        Instant used = Instant.now().minusSeconds(30);
        models.api.setLastUsed(1, used);
        runFxUntil("the new use", () -> !watch.usedWhileWatched().isEmpty());

        assertThat(watch.rows().get(0).lastUsed()).isEqualTo(used);
        assertThat(watch.rows().get(0).quietFor()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        watch.stop();
    }

    @Test
    void stopsWhenClosedOrWhenTheConnectionChanges() throws Exception {
        watch.watch(key1());
        KeyWatch first = watch.current();
        runFxUntil("a first read", () -> watch.rows().get(0).checkedAt() != null);

        watch.stop();

        assertThat(first.isClosed()).isTrue();
        assertThat(first.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(watch.watchingProperty().get()).isFalse();
        fx.clear();
        Thread.sleep(200);
        assertThat(fx).as("nothing is reported after the watch stopped").isEmpty();

        watch.watch(key1());
        KeyWatch second = watch.current();
        models.model.connect(new dev.keywarden.testing.FakeConfidentApi());
        assertThat(second.isClosed()).isTrue();
    }
}
