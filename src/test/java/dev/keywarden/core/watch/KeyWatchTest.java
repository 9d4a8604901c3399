package dev.keywarden.core.watch;

import dev.keywarden.api.ServerException;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.testing.FakeConfidentApi;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The live watch with a short interval: changes of last use, quiet time, backoff on errors, close. */
class KeyWatchTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration SHORT = Duration.ofMillis(20);

    private final BlockingQueue<WatchUpdate> updates = new LinkedBlockingQueue<>();

    private static List<KeyEntry> keys(FakeConfidentApi api) throws Exception {
        return new OrganisationLoader(2).load(api, event -> { }).entries();
    }

    private WatchUpdate next(Predicate<WatchUpdate> wanted) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            WatchUpdate update = updates.poll(100, TimeUnit.MILLISECONDS);
            if (update != null && wanted.test(update)) {
                return update;
            }
        }
        throw new AssertionError("no such update within 10 s");
    }

    @Test
    void reportsWhenLastUseChangesAndHowLongTheKeyHasBeenQuiet() throws Exception {
        FakeConfidentApi api = new FakeConfidentApi().withProject("p1", "Docs", true).withOrganizationKey("admin", true, "a1b2c3");
        try (KeyWatch watch = KeyWatch.start(api, keys(api), SHORT, CLOCK, updates::add)) {
            WatchUpdate first = next(update -> update.entry().ref().toString().equals("p1:1"));
            assertThat(first.lastUsedChanged()).isFalse();
            assertThat(first.quietFor()).as("never used").isNull();
            assertThat(first.failed()).isFalse();

            api.setLastUsed(1, NOW.minusSeconds(90));
            WatchUpdate used = next(update -> update.entry().ref().toString().equals("p1:1") && update.lastUsedChanged());
            assertThat(used.lastUsed()).isEqualTo(NOW.minusSeconds(90));
            assertThat(used.quietFor()).isEqualTo(Duration.ofSeconds(90));
            WatchUpdate after = next(update -> update.entry().ref().toString().equals("p1:1"));
            assertThat(after.lastUsedChanged()).as("the same last use is no change").isFalse();

            api.setLastUsed(2, NOW.minusSeconds(5));
            assertThat(next(update -> update.entry().ref().toString().equals("org:2") && update.lastUsedChanged()).quietFor())
                    .isEqualTo(Duration.ofSeconds(5));
            assertThat(watch.isClosed()).isFalse();
        }
    }

    @Test
    @SuppressWarnings("try") // the resource only has to be open during the block
    void failedReadsAreReportedAndCountedAndTheWatchGoesOn() throws Exception {
        FakeConfidentApi api = new FakeConfidentApi().withProject("p1", "Docs", true);
        List<KeyEntry> keys = keys(api);
        api.failAll(new ServerException(500, "down", "GET", "/v1/projects/p1/api-keys/1"));
        try (KeyWatch watch = KeyWatch.start(api, keys, SHORT, CLOCK, updates::add)) {
            assertThat(next(update -> update.failed()).failuresInARow()).isEqualTo(1);
            assertThat(next(update -> update.failed()).failuresInARow()).isEqualTo(2);
            api.failAll(null);
            assertThat(next(update -> !update.failed()).failuresInARow()).isZero();
        }
    }

    @Test
    void thePauseDoublesWithEachFailureUpToALimit() {
        Duration interval = Duration.ofSeconds(15);
        assertThat(KeyWatch.pauseAfter(interval, 0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(KeyWatch.pauseAfter(interval, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(KeyWatch.pauseAfter(interval, 3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(KeyWatch.pauseAfter(interval, 50)).isEqualTo(Duration.ofSeconds(15 * KeyWatch.MAX_BACKOFF_FACTOR));
    }

    @Test
    @SuppressWarnings("try") // the resource only has to be open during the block
    void aKeyThatIsGoneIsReportedOnceAndDropped() throws Exception {
        FakeConfidentApi api = new FakeConfidentApi().withOrganizationKey("admin", true, "a1b2c3");
        List<KeyEntry> keys = keys(api);
        api.revokeOrganizationApiKey(1);
        try (KeyWatch watch = KeyWatch.start(api, keys, SHORT, CLOCK, updates::add)) {
            assertThat(next(WatchUpdate::gone).entry().ref().toString()).isEqualTo("org:1");
            assertThat(updates.poll(200, TimeUnit.MILLISECONDS)).as("not read again").isNull();
        }
    }

    @Test
    void closingStopsTheWatchAndNothingIsReportedAfter() throws Exception {
        FakeConfidentApi api = new FakeConfidentApi().withProject("p1", "Docs", true, true);
        KeyWatch watch = KeyWatch.start(api, keys(api), SHORT, CLOCK, updates::add);
        next(update -> true);
        watch.close();
        updates.clear();
        assertThat(watch.isClosed()).isTrue();
        assertThat(watch.awaitTermination(Duration.ofSeconds(5))).as("its threads ended").isTrue();
        assertThat(updates).isEmpty();
    }
}
