package dev.keywarden.core.pacing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelismTest {

    @Test
    void takesAWholeNumberFromOneTo64() {
        assertThat(Parallelism.parse(" 8 ")).isEqualTo(8);
        assertThat(Parallelism.parse("1")).isEqualTo(1);
        assertThat(Parallelism.parse("64")).isEqualTo(64);
    }

    @Test
    void saysInPlainWordsWhatIsWrong() {
        assertThatThrownBy(() -> Parallelism.parse("0")).hasMessage("The parallelism must be from 1 to 64, not 0.");
        assertThatThrownBy(() -> Parallelism.parse("65")).hasMessage("The parallelism must be from 1 to 64, not 65.");
        assertThatThrownBy(() -> Parallelism.parse("lots"))
                .hasMessage("The parallelism must be a whole number from 1 to 64, not \"lots\".");
    }

    @Test
    void aSettingThatCannotBeUsedGivesTheFallback() {
        assertThat(Parallelism.parseOr(null, 16)).isEqualTo(16);
        assertThat(Parallelism.parseOr("", 16)).isEqualTo(16);
        assertThat(Parallelism.parseOr("100", 16)).isEqualTo(16);
        assertThat(Parallelism.parseOr("4", 16)).isEqualTo(4);
    }
}
