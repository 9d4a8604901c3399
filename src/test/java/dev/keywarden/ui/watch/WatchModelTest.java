package dev.keywarden.ui.watch;

import dev.keywarden.api.ServerException;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.testing.ManualDelay;
import dev.keywarden.ui.connection.ConnectionSession;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The watch through the task runner, step by step: its reads are ordinary calls, its rounds come from a timer the test runs. */
class WatchModelTest {
    private final ConsoleModels models = ConsoleModels.connected();
    private final ManualDelay timer = new ManualDelay();
    private Instant now = FakeConfidentApi.T0.plus(Duration.ofDays(1));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final WatchModel watch = new WatchModel(models.model.session(), models.runner, models.model.store(), timer, clock,
            Duration.ofSeconds(15));

    private List<KeyEntry> key1() {
        return models.model.store().rows().stream().filter(row -> row.id() == 1).map(row -> row.entry()).toList();
    }

    private void nextRound() {
        now = now.plusSeconds(15);
        timer.pass();
    }

    @Test
    void marksAKeyUsedWhileWatchedAndSaysHowLongItHasBeenQuiet() {
        watch.watch(key1());
        assertThat(models.runner.tags()).as("an ordinary call: status bar, Esc, header").containsExactly(WatchModel.READ_TAG);
        models.runner.finishAll();
        assertThat(watch.rows().get(0).checkedAt()).isEqualTo(now);
        assertThat(watch.rows().get(0).lastUsed()).isNull();
        assertThat(watch.usedWhileWatched()).isEmpty();
        assertThat(timer.asked()).containsExactly(Duration.ofSeconds(15));

        models.api.setLastUsed(1, now.minusSeconds(30));
        nextRound();
        models.runner.finishAll();

        assertThat(watch.usedWhileWatched()).containsExactly(KeyRef.project("p1", 1));
        assertThat(watch.rows().get(0).quietFor()).isEqualTo(Duration.ofSeconds(45));
        assertThat(models.model.store().find(KeyRef.project("p1", 1)).orElseThrow().key().lastUsed())
                .as("the read goes to the store, for every table").isEqualTo(now.minusSeconds(45));
    }

    @Test
    void aFailedReadMovesTheHeaderAndTheNextRoundWaitsLonger() {
        models.api.failNext(new ServerException(503, "maintenance", "GET", "/v1/projects/p1/api-keys/1"));
        watch.watch(key1());
        models.runner.finishAll();

        assertThat(watch.rows().get(0).failed()).isTrue();
        assertThat(models.model.session().stateProperty().get()).isEqualTo(ConnectionSession.State.FAILED);
        assertThat(timer.asked()).last().isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void escStopsTheWatchAndSaysSo() {
        watch.watch(key1());
        models.runner.cancelLoads();
        models.runner.finishAll();

        assertThat(watch.watchingProperty().get()).isFalse();
        assertThat(watch.stoppedProperty().get()).contains("stopped");
        nextRound();
        assertThat(models.runner.tags()).as("nothing read after it stopped").isEmpty();
    }

    @Test
    void stoppingOrChangingConnectionReadsNothingMoreAndAnotherConnectionClearsTheRows() {
        watch.watch(key1());
        models.runner.finishAll();
        watch.stop();
        nextRound();
        assertThat(models.runner.tags()).isEmpty();
        assertThat(watch.rows()).as("what was read stays listed").hasSize(1);

        watch.watch(key1());
        models.model.connect(new FakeConfidentApi());
        models.runner.finishAll();
        nextRound();

        assertThat(watch.watchingProperty().get()).isFalse();
        assertThat(watch.rows()).as("nothing of the previous organisation").isEmpty();
        assertThat(models.runner.tags()).isEmpty();
    }
}
