package dev.keywarden.core.watch;

import dev.keywarden.api.NotFoundException;
import dev.keywarden.api.ServerException;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When each watched key is read again and what a read means, on a clock the test moves: no waiting. */
class KeyWatchTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(15);
    private static final KeyRef KEY_1 = KeyRef.project("p1", 1);
    private static final KeyRef ORG_2 = KeyRef.organisation(2);

    private Instant now = NOW;
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

    private static ApiKey key(long id, Instant lastUsed) {
        return new ApiKey(id, "key " + id, true, "***************00000" + id, Instant.EPOCH, lastUsed);
    }

    private final KeyWatch watch = new KeyWatch(List.of(
            new KeyEntry(dev.keywarden.core.keys.KeyKind.PROJECT, "p1", "Docs", key(1, null)),
            KeyEntry.ofOrganisation(key(2, null))), INTERVAL, clock);

    @Test
    void everyKeyIsReadAtOnceThenEveryIntervalAndALastUseIsNoticed() {
        assertThat(watch.due()).extracting(KeyEntry::ref).containsExactly(KEY_1, ORG_2);
        assertThat(watch.due()).as("being read").isEmpty();
        assertThat(watch.untilNext()).as("nothing due while both are read").isEmpty();

        WatchUpdate first = watch.answered(KEY_1, key(1, null)).orElseThrow();
        assertThat(first.lastUsedChanged()).isFalse();
        assertThat(first.quietFor()).as("never used").isNull();
        assertThat(watch.untilNext()).contains(INTERVAL);

        now = now.plus(INTERVAL);
        assertThat(watch.due()).extracting(KeyEntry::ref).containsExactly(KEY_1);
        WatchUpdate used = watch.answered(KEY_1, key(1, now.minusSeconds(90))).orElseThrow();
        assertThat(used.lastUsedChanged()).isTrue();
        assertThat(used.quietFor()).isEqualTo(Duration.ofSeconds(90));
        now = now.plus(INTERVAL);
        watch.due();
        assertThat(watch.answered(KEY_1, key(1, NOW.plus(INTERVAL).minusSeconds(90))).orElseThrow().lastUsedChanged())
                .as("the same last use is no change").isFalse();
    }

    @Test
    void aFailedReadIsCountedAndTheNextOneWaitsLonger() {
        watch.due();
        watch.answered(ORG_2, key(2, null));
        WatchUpdate failed = watch.failed(KEY_1, new ServerException(500, "down", "GET", "/v1/projects/p1/api-keys/1")).orElseThrow();
        assertThat(failed.failuresInARow()).isEqualTo(1);
        assertThat(failed.gone()).isFalse();

        now = now.plus(INTERVAL);
        assertThat(watch.due()).extracting(KeyEntry::ref).as("key 1 waits twice as long").containsExactly(ORG_2);
        now = now.plus(INTERVAL);
        assertThat(watch.due()).extracting(KeyEntry::ref).containsExactly(KEY_1);
        assertThat(watch.answered(KEY_1, key(1, null)).orElseThrow().failuresInARow()).isZero();
    }

    @Test
    void thePauseDoublesWithEachFailureUpToALimit() {
        assertThat(KeyWatch.pauseAfter(INTERVAL, 0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(KeyWatch.pauseAfter(INTERVAL, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(KeyWatch.pauseAfter(INTERVAL, 3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(KeyWatch.pauseAfter(INTERVAL, 50)).isEqualTo(Duration.ofSeconds(15 * KeyWatch.MAX_BACKOFF_FACTOR));
    }

    @Test
    void aKeyThatIsGoneIsReportedOnceAndDropped() {
        watch.due();
        WatchUpdate gone = watch.failed(ORG_2, new NotFoundException("API key not found", "GET", "/v1/organization/api-keys/2")).orElseThrow();
        assertThat(gone.gone()).isTrue();
        assertThat(watch.keys()).containsExactly(KEY_1);
        assertThat(watch.failed(ORG_2, new IllegalStateException("late"))).isEmpty();
    }

    @Test
    void aReadThatDidNotHappenIsDueAgainAtOnce() {
        watch.due();
        watch.notRead(KEY_1);
        assertThat(watch.due()).extracting(KeyEntry::ref).containsExactly(KEY_1);
    }
}
