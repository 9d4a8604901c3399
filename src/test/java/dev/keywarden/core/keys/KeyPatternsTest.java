package dev.keywarden.core.keys;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Redaction, the rule that keeps raw keys out of anything written down. */
class KeyPatternsTest {
    private static final String HEX = "0123456789abcdef0123456789a1b2c3";

    @Test
    void masksEveryKeyAndKeepsTheRestOfTheText() {
        String text = "rotated confident_us_proj_" + HEX + ", and confident_org_" + HEX.replace("a1b2c3", "d4e5f6") + ".";
        assertThat(KeyPatterns.redact(text)).isEqualTo("rotated ***************a1b2c3, and ***************d4e5f6.");
        assertThat(KeyPatterns.containsKey(text)).isTrue();
    }

    @Test
    void masksWhatOnlyLooksLikeAKeyToo() {
        assertThat(KeyPatterns.redact("CONFIDENT_US_PROJ_" + HEX.toUpperCase())).isEqualTo("***************A1B2C3");
        assertThat(KeyPatterns.redact("confident_eu_org_abc123def456ghi789")).isEqualTo("***************ghi789");
        assertThat(KeyPatterns.redact("set CONFIDENT_ORG_API_KEY first")).as("a variable's name is not a key")
                .isEqualTo("set CONFIDENT_ORG_API_KEY first");
        assertThat(KeyPatterns.redact("key confident_us_proj_0123456789abcdef0123\n456789a1b2c3 end"))
                .isEqualTo("key ***************a1b2c3 end");
    }

    @Test
    void leavesTextWithoutKeysAlone() {
        String text = "CONFIDENT_API_KEY is not set; confident_ai is fine; sha 9f86d081884c7d659a2feaa0c55ad015";
        assertThat(KeyPatterns.redact(text)).isEqualTo(text);
        assertThat(KeyPatterns.containsKey(text)).isFalse();
        assertThat(KeyPatterns.redact(null)).isNull();
    }
}
