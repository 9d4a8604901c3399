package dev.keywarden.ui.allkeys;

import dev.keywarden.core.keys.Staleness;
import dev.keywarden.model.ApiKey;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The all-keys text filter: project, name and project id ignoring case, a value's last 6 characters, a key's id. */
class AllKeysFilterTextTest {
    private static final String RAW = "confident_us_proj_q3Zr8V+kTn2Lw5XyB1cD4eF6gH7iJ9kL0mN/oP+ok160=";
    private static final ApiKey KEY = new ApiKey(1207, "Billing Worker", true, RAW, Instant.parse("2026-01-02T03:04:05Z"), null).masked();

    private static boolean matches(String text) {
        AllKeysFilter filter = new AllKeysFilter(new Staleness(Clock.systemUTC()));
        filter.textProperty().set(text);
        return filter.criteria().matches("Payments Prod", "cscn982qjsfz2ybc1oht4l52f", KEY);
    }

    @Test
    void namesAndProjectsMatchIgnoringCaseAnywhereInThem() {
        assertThat(matches("billing")).isTrue();
        assertThat(matches("WORKER")).isTrue();
        assertThat(matches("ng wo")).isTrue();
        assertThat(matches("payments prod")).isTrue();
        assertThat(matches("QJSFZ")).as("the project's id").isTrue();
        assertThat(matches("billing workers")).isFalse();
        assertThat(matches("staging")).isFalse();
    }

    @Test
    void aPastedKeyOrItsTailMatchesByTheLastSixCharacters() {
        assertThat(matches(RAW)).isTrue();
        assertThat(matches("ok160=")).isTrue();
        assertThat(matches("…+ok160=")).isTrue();
        assertThat(matches("OK160=")).as("a key's characters are exact").isFalse();
        assertThat(matches("k160=")).as("fewer than 6 characters are not a suffix, nor in a name").isFalse();
        assertThat(matches(RAW.replace("ok160=", "ok161="))).isFalse();
    }

    @Test
    void aKeyIdMatchesOnlyWhole() {
        assertThat(matches("1207")).isTrue();
        assertThat(matches("207")).isFalse();
        assertThat(matches("01207")).isFalse();
        assertThat(matches("12070")).isFalse();
        assertThat(matches("12a7")).isFalse();
        assertThat(new AllKeysFilter(new Staleness(Clock.systemUTC())).criteria().matches("Org", null,
                new ApiKey(0, "first", true, RAW, Instant.EPOCH, null).masked())).as("no text: every key").isTrue();
    }
}
