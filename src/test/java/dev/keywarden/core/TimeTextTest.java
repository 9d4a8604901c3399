package dev.keywarden.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class TimeTextTest {
    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void utcIsCalledUtcHoweverTheSystemSpellsIt() {
        for (String spelling : new String[] {"Etc/UTC", "UTC", "Z", "GMT", "Etc/GMT"}) {
            assertThat(TimeText.exact(NOON, ZoneId.of(spelling))).as(spelling).endsWith(" UTC").doesNotContain("Etc");
        }
    }

    @Test
    void otherZonesKeepTheirNames() {
        assertThat(TimeText.exact(NOON, ZoneId.of("Europe/Paris"))).endsWith(" Europe/Paris");
        assertThat(TimeText.zoneName(ZoneId.of("+02:00"))).isEqualTo("UTC+02:00");
    }
}
