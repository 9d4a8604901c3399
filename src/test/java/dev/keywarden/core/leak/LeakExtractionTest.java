package dev.keywarden.core.leak;

import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.core.keys.KeyPatterns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What the leak finder takes out of pasted text, and what it must leave alone. */
class LeakExtractionTest {
    static final String HEX_A = "0123456789abcdef0123456789a1b2c3";
    static final String HEX_B = "fedcba9876543210fedcba9876d4e5f6";
    static final String PROJ_US = "confident_us_proj_" + HEX_A;
    static final String ORG_EU = "confident_eu_org_" + HEX_B;

    static Stream<Arguments> textsWithKeys() {
        return Stream.of(
                arguments("the key alone", PROJ_US, List.of("PROJECT a1b2c3")),
                arguments("log line", "2026-02-01T10:00:00Z ERROR auth failed key=" + PROJ_US + " user=bob", List.of("PROJECT a1b2c3")),
                arguments("stack trace", "java.lang.IllegalStateException: bad key " + PROJ_US + "\n\tat dev.x.Y.z(Y.java:12)",
                        List.of("PROJECT a1b2c3")),
                arguments("URL query string", "https://hooks.example.com/cb?api_key=" + ORG_EU + "&retry=1", List.of("ORGANISATION d4e5f6")),
                arguments("URL path", "https://x.example/keys/" + PROJ_US + "/info", List.of("PROJECT a1b2c3")),
                arguments("JSON", "{\"apiKey\":\"" + PROJ_US + "\",\"n\":1}", List.of("PROJECT a1b2c3")),
                arguments(".env file", "# secrets\nCONFIDENT_API_KEY=" + ORG_EU + "\nOTHER=1\n", List.of("ORGANISATION d4e5f6")),
                arguments("diff", "-CONFIDENT_API_KEY=changeme\n+CONFIDENT_API_KEY=" + PROJ_US + "\n", List.of("PROJECT a1b2c3")),
                arguments("quotes and brackets", "('" + PROJ_US + "'), [" + ORG_EU + "].", List.of("PROJECT a1b2c3", "ORGANISATION d4e5f6")),
                arguments("angle brackets, comma", "<" + PROJ_US + ">," + ORG_EU + ";", List.of("PROJECT a1b2c3", "ORGANISATION d4e5f6")),
                arguments("YAML", "confident:\n  key: \"" + ORG_EU + "\"\n", List.of("ORGANISATION d4e5f6")),
                arguments("several keys, one repeated", PROJ_US + " " + ORG_EU + " again " + PROJ_US, List.of("PROJECT a1b2c3", "ORGANISATION d4e5f6")),
                arguments("legacy prefixes", "confident_proj_" + HEX_B + " confident_org_" + HEX_A, List.of("PROJECT d4e5f6", "ORGANISATION a1b2c3")),
                arguments("any region code", "confident_au_proj_" + HEX_A + " confident_apac_org_" + HEX_B, List.of("PROJECT a1b2c3", "ORGANISATION d4e5f6")),
                arguments("an underscore after it", "backup_" + PROJ_US + "_old.txt", List.of("PROJECT a1b2c3")),
                arguments("wrapped once across lines", "key: confident_us_proj_0123456789abcdef0123\n  456789a1b2c3 was used",
                        List.of("PROJECT a1b2c3")),
                arguments("wrapped with CRLF", "confident_us_proj_0123456789abcdef\r\n0123456789a1b2c3", List.of("PROJECT a1b2c3")),
                arguments("masked value from a screen", "the key ***************d4e5f6 was shown", List.of("any d4e5f6")),
                arguments("masked value of a key also in the text", PROJ_US + " ***************a1b2c3", List.of("PROJECT a1b2c3"))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textsWithKeys")
    void findsEveryKeyInTheText(String what, String text, List<String> expected) {
        assertThat(LeakFinder.extract(text)).extracting(LeakExtractionTest::describe).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> textsWithoutKeys() {
        Random random = new Random(42);
        byte[] bytes = new byte[600];
        random.nextBytes(bytes);
        String sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        return Stream.of(
                arguments("prose", "We are confident that the org_ and proj_ settings are fine; see confident_ai docs."),
                arguments("an env var name alone", "CONFIDENT_API_KEY=\nCONFIDENT_ORG_API_KEY=${SECRET}"),
                arguments("base64 noise", Base64.getEncoder().encodeToString(bytes)),
                arguments("base64url noise", Base64.getUrlEncoder().encodeToString(bytes)),
                arguments("UUIDs", UUID.nameUUIDFromBytes(bytes) + " " + new UUID(random.nextLong(), random.nextLong())),
                arguments("sha256", "sha256:" + sha256 + "  artifact.jar"),
                arguments("git hashes", "commit 3671509e0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e\nMerge: e6728ce b1c0565\n"),
                arguments("32 hex without the prefix", "etag: \"" + HEX_A + "\""),
                arguments("body one too short", "confident_us_proj_" + HEX_A.substring(1)),
                arguments("body one too long", "confident_us_proj_" + HEX_A + "0"),
                arguments("body not hex", "confident_us_proj_" + HEX_A.replace('a', 'z')),
                arguments("upper-cased key (not supported)", PROJ_US.toUpperCase()),
                arguments("broken by a log prefix (not supported)", "confident_us_proj_0123456789abcdef0123\n+456789a1b2c3"),
                arguments("few stars", "***bold*** and **abcdef** in markdown")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textsWithoutKeys")
    void findsNothingInTextWithoutKeys(String what, String text) {
        assertThat(LeakFinder.extract(text)).isEmpty();
    }

    @Test
    void findsNothingInLotsOfRandomTokens() {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+/=:.\"' \n";
        for (int i = 0; i < 200_000; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        assertThat(LeakFinder.extract(text.toString())).isEmpty();
    }

    @Test
    void markedTokensCountByTheirLastSixCharacters() {
        List<Candidate> candidates = LeakFinder.extract("nothing here", List.of("  sk-live-9x8y7zQWERTY  ", "d4e5f6", PROJ_US));
        assertThat(candidates).extracting(LeakExtractionTest::describe).containsExactly("any QWERTY", "any d4e5f6", "PROJECT a1b2c3");
        assertThat(candidates).allSatisfy(candidate -> {
            assertThat(candidate.source()).isEqualTo(Candidate.Source.MARKED);
            assertThat(candidate.line()).isZero();
        });
        assertThatThrownBy(() -> LeakFinder.extract("", List.of("abc12"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("abc12");
    }

    @Test
    void aCandidateKeepsOnlyItsSuffixNeverTheRawText() throws Exception {
        Candidate candidate = LeakFinder.extract("line one\nAuthorization: " + ORG_EU).get(0);
        assertThat(candidate.suffix()).isEqualTo("d4e5f6");
        assertThat(candidate.masked()).isEqualTo("***************d4e5f6");
        assertThat(candidate.region()).isEqualTo("eu");
        assertThat(candidate.line()).isEqualTo(2);
        assertThat(candidate.source()).isEqualTo(Candidate.Source.KEY_PATTERN);
        assertThat(candidate.toString()).isEqualTo("…d4e5f6");
        for (var component : Candidate.class.getRecordComponents()) {
            assertThat(String.valueOf(component.getAccessor().invoke(candidate))).doesNotContain(HEX_B.substring(0, 20));
        }
        assertThat(KeyPatterns.find(ORG_EU).get(0).toString()).doesNotContain(HEX_B.substring(0, 20));
    }

    @Test
    void theRawKeyCanBeTakenAgainFromTheSameTextForCheckAKey() {
        String text = "a: " + ORG_EU + "\nb: confident_us_proj_0123456789abcdef0123\n  456789a1b2c3\nc: ***************999999";
        List<Candidate> candidates = LeakFinder.extract(text);
        assertThat(candidates).hasSize(3);
        assertThat(LeakFinder.rawValueOf(text, candidates.get(0))).contains(ORG_EU);
        assertThat(LeakFinder.rawValueOf(text, candidates.get(1))).contains(PROJ_US);
        assertThat(LeakFinder.rawValueOf(text, candidates.get(2))).as("a masked value has no raw key").isEmpty();
        assertThat(LeakFinder.rawValueOf("other text", candidates.get(0))).isEmpty();
    }

    private static String describe(Candidate candidate) {
        KeyKind kind = candidate.kindHint();
        return (kind == null ? "any" : kind.name()) + " " + candidate.suffix();
    }
}
