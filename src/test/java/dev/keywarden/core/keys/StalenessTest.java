package dev.keywarden.core.keys;

import dev.keywarden.model.ApiKey;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StalenessTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Staleness STALENESS = new Staleness(Clock.fixed(NOW, ZoneOffset.UTC));

    private static ApiKey usedAgo(Duration ago) {
        return new ApiKey(1, "k", true, "***************abcdef", Instant.parse("2020-01-01T00:00:00Z"),
                ago == null ? null : NOW.minus(ago));
    }

    @Test
    void classifiesByTheLargestThresholdPassed() {
        assertThat(STALENESS.classify(usedAgo(null))).isEqualTo(StaleClass.neverUsed());
        assertThat(STALENESS.classify(usedAgo(Duration.ofHours(1)))).isEqualTo(StaleClass.usedWithin(7));
        assertThat(STALENESS.classify(usedAgo(Duration.ofDays(7)))).as("exactly 7 days is not more than 7").isEqualTo(StaleClass.usedWithin(7));
        assertThat(STALENESS.classify(usedAgo(Duration.ofDays(7).plusSeconds(1)))).isEqualTo(StaleClass.unusedForMoreThan(7));
        assertThat(STALENESS.classify(usedAgo(Duration.ofDays(45)))).isEqualTo(StaleClass.unusedForMoreThan(30));
        assertThat(STALENESS.classify(usedAgo(Duration.ofDays(400)))).isEqualTo(StaleClass.unusedForMoreThan(90));
        assertThat(STALENESS.classify(usedAgo(Duration.ofDays(-2)))).as("a clock ahead of ours").isEqualTo(StaleClass.usedWithin(7));
        assertThat(StaleClass.unusedForMoreThan(30).label()).isEqualTo("Unused for more than 30 days");
    }

    @Test
    void countsPerClassAndCumulativelyPerThreshold() {
        List<ApiKey> keys = List.of(usedAgo(null), usedAgo(null), usedAgo(Duration.ofDays(1)), usedAgo(Duration.ofDays(10)),
                usedAgo(Duration.ofDays(40)), usedAgo(Duration.ofDays(100)), usedAgo(Duration.ofDays(200)));
        Staleness.Counts counts = STALENESS.count(keys);
        assertThat(counts.total()).isEqualTo(7);
        assertThat(counts.neverUsed()).isEqualTo(2);
        assertThat(counts.of(StaleClass.unusedForMoreThan(90))).isEqualTo(2);
        assertThat(counts.of(StaleClass.unusedForMoreThan(30))).isEqualTo(1);
        assertThat(counts.of(StaleClass.unusedForMoreThan(7))).isEqualTo(1);
        assertThat(counts.of(StaleClass.usedWithin(7))).isEqualTo(1);
        assertThat(counts.unusedForMoreThan(7)).isEqualTo(4);
        assertThat(counts.unusedForMoreThan(30)).isEqualTo(3);
        assertThat(counts.unusedForMoreThan(90)).isEqualTo(2);
        assertThat(counts.classes()).extracting(StaleClass::label).containsExactly("Never used", "Unused for more than 90 days",
                "Unused for more than 30 days", "Unused for more than 7 days", "Used in the last 7 days");
    }

    @Test
    void thresholdsAreConfigurable() {
        Staleness custom = new Staleness(Clock.fixed(NOW, ZoneOffset.UTC), List.of(14, 1, 14));
        assertThat(custom.thresholds()).containsExactly(1, 14);
        assertThat(custom.classify(usedAgo(Duration.ofDays(3)))).isEqualTo(StaleClass.unusedForMoreThan(1));
        assertThat(custom.isUnusedForMoreThan(usedAgo(Duration.ofDays(3)), 2)).isTrue();
        assertThat(custom.isUnusedForMoreThan(usedAgo(null), 2)).as("never used is its own class").isFalse();
        assertThatThrownBy(() -> custom.count(List.of()).unusedForMoreThan(30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Staleness(Clock.systemUTC(), List.of(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Staleness(Clock.systemUTC(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
