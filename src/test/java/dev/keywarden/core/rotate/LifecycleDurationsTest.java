package dev.keywarden.core.rotate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleDurationsTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "1h, 1", "24h, 24", " 7D , 168", "2w, 336", "0h, 0"})
    void gracePeriodsInWholeHours(String text, long hours) {
        assertThat(LifecycleDurations.grace(text)).isEqualTo(Duration.ofHours(hours));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "1.5h", "30m", "-1h", "h", "400d", "24 hours"})
    void gracePeriodsTheServerCannotTakeAreRefusedInWords(String text) {
        assertThatThrownBy(() -> LifecycleDurations.grace(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grace period").hasMessageNotContaining("Exception");
    }

    @ParameterizedTest
    @CsvSource({"90d, 90", "90, 90", "2w, 14", "1d, 1", "3650d, 3650"})
    void lifetimesInWholeDays(String text, int days) {
        assertThat(LifecycleDurations.lifetimeDays(text)).isEqualTo(days);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0d", "12h", "3651d", "ninety", ""})
    void lifetimesOutsideOneDayToTenYearsAreRefused(String text) {
        assertThatThrownBy(() -> LifecycleDurations.lifetimeDays(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, none", "1, 1 h", "36, 36 h", "48, 2 d", "168, 7 d"})
    void gracePeriodsInWords(long hours, String words) {
        assertThat(LifecycleDurations.words(Duration.ofHours(hours))).isEqualTo(words);
    }
}
