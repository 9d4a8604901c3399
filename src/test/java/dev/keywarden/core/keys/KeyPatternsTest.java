package dev.keywarden.core.keys;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Redaction, the rule that keeps raw keys out of anything shown or written down, and the reader's round trip. */
class KeyPatternsTest {
    private static final String HEX = "0123456789abcdef0123456789a1b2c3";
    private static final String REAL = "confident_us_proj_qOkbX3vT9/Lw2Zr8mQeP0aN5cJd7yH1GsBFk4+ok160=";

    @Test
    void masksEveryKeyAndKeepsTheRestOfTheText() {
        String text = "rotated confident_us_proj_" + HEX + ", and confident_org_" + HEX.replace("a1b2c3", "d4e5f6") + ", then " + REAL + ".";
        assertThat(KeyPatterns.redact(text))
                .isEqualTo("rotated ***************a1b2c3, and ***************d4e5f6, then ***************ok160=.");
        assertThat(KeyPatterns.containsKey(text)).isTrue();
    }

    @Test
    void masksEscapedAndEncodedKeysWhole() {
        assertThat(KeyPatterns.redact("GET /v1/projects/" + REAL.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D") + "/api-keys"))
                .isEqualTo("GET /v1/projects/***************ok160=/api-keys");
        assertThat(KeyPatterns.redact("{\"error\":\"bad key " + REAL.replace("/", "\\/") + "\"}"))
                .isEqualTo("{\"error\":\"bad key ***************ok160=\"}");
    }

    @Test
    void masksWhatOnlyLooksLikeAKeyToo() {
        assertThat(KeyPatterns.redact("CONFIDENT_US_PROJ_" + HEX.toUpperCase())).isEqualTo("***************A1B2C3");
        assertThat(KeyPatterns.redact(REAL.toUpperCase())).isEqualTo("***************OK160=");
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

    /** Text made of key-like pieces: every key found is read again whole from its raw value, and redaction leaves none. */
    @Test
    void everyKeyFoundReadsBackWholeAndRedactionLeavesNone() {
        String[] pieces = {"confident_", "confi", "dent_", "us_", "proj_", "org_", "global_", "\n", "\r\n", "  ", "%2B", "%2f", "%3D",
                "\\u002B", "\\/", "=", "==", "*****", "**********", "+", "/", "-", "_", "abc", "0123456789abcdef", "QWERTY", "Zx9",
                "\\", "%", "\\u00"};
        Random random = new Random(1);
        int found = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = 1 + random.nextInt(25); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            for (KeyPatterns.Found key : KeyPatterns.find(t)) {
                KeyPatterns.Found again = KeyPatterns.whole(KeyPatterns.rawValue(t, key));
                assertThat(again).as(t).isNotNull();
                assertThat(again.suffix()).as(t).isEqualTo(key.suffix());
                assertThat(again.scope()).as(t).isEqualTo(key.scope());
                found++;
            }
            assertThat(KeyPatterns.find(KeyPatterns.redact(t))).as(t).isEmpty();
        }
        assertThat(found).as("keys among the pieces").isGreaterThan(20);
    }
}
