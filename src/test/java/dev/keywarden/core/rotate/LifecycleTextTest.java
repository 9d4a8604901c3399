package dev.keywarden.core.rotate;

import dev.keywarden.model.ApiKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleTextTest {
    private static final Instant NOW = Instant.parse("2026-12-06T21:00:00Z");
    private static final String VALUE = ApiKey.mask("confident_us_proj_qOkbAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFk+ok160=");

    private static ApiKey key(Instant expiresAt, Instant rotatesAt) {
        return new ApiKey(7, "ci", true, VALUE, NOW.minus(Duration.ofDays(30)), null, expiresAt,
                rotatesAt == null ? null : ApiKey.mask("confident_us_proj_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/x9=="), rotatesAt);
    }

    @Test
    void expiryReadsAsNeverExpiredOrHowLongIsLeft() {
        assertThat(LifecycleText.expires(key(null, null), NOW)).isEqualTo("never");
        assertThat(LifecycleText.expires(key(NOW, null), NOW)).isEqualTo("expired");
        assertThat(LifecycleText.expires(key(NOW.minusSeconds(1), null), NOW)).isEqualTo("expired");
        assertThat(LifecycleText.expires(key(NOW.plus(Duration.ofDays(12)).plusSeconds(5), null), NOW)).isEqualTo("in 12 d");
        assertThat(LifecycleText.expires(key(NOW.plus(Duration.ofHours(5)), null), NOW)).isEqualTo("in 5 h");
        assertThat(LifecycleText.expires(key(NOW.plus(Duration.ofMinutes(40)), null), NOW)).isEqualTo("in 40 min");
        assertThat(LifecycleText.expires(key(NOW.plusSeconds(20), null), NOW)).as("never 0 for a time ahead").isEqualTo("in 1 min");
        assertThat(LifecycleText.expires(key(NOW.plus(Duration.ofHours(24)).minusSeconds(2), null), NOW)).as("to the nearest hour")
                .isEqualTo("in 24 h");
        assertThat(LifecycleText.expires(key(NOW.plus(Duration.ofDays(90)).minusSeconds(2), null), NOW)).isEqualTo("in 90 d");
    }

    @Test
    void expiringSoonIsWithinTheWindowAndNotYetExpired() {
        assertThat(LifecycleText.expiresWithin(key(NOW.plus(Duration.ofDays(14)), null), NOW, LifecycleText.SOON)).isTrue();
        assertThat(LifecycleText.expiresWithin(key(NOW.plus(Duration.ofDays(15)), null), NOW, LifecycleText.SOON)).isFalse();
        assertThat(LifecycleText.expiresWithin(key(NOW.minusSeconds(1), null), NOW, LifecycleText.SOON)).isFalse();
        assertThat(LifecycleText.expiresWithin(key(null, null), NOW, LifecycleText.SOON)).isFalse();
    }

    @Test
    void aRotationInFlightSaysWhenTheOldValueStops() {
        assertThat(LifecycleText.rotation(key(null, null), NOW)).isNull();
        assertThat(LifecycleText.rotation(key(null, NOW.plus(Duration.ofHours(5)).plusSeconds(30)), NOW))
                .isEqualTo("rotating: old value stops in 5 h");
        assertThat(LifecycleText.rotation(key(null, NOW.minusSeconds(1)), NOW)).isEqualTo("rotating: old value stopped");
    }
}
