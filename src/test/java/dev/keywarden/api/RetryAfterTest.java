package dev.keywarden.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    @Test
    void seconds() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void httpDate() {
        assertThat(RetryAfter.parse("Wed, 01 Jan 2025 12:00:45 GMT", NOW)).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void dateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Wed, 01 Jan 2025 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void absentOrUnreadable() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
    }

    @Test
    void absurdlyLargeIsStillLong() {
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isGreaterThan(Duration.ofDays(365));
    }
}
