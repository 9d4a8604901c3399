package dev.keywarden.core.leak;

import dev.keywarden.core.keys.KeyPatterns;
import dev.keywarden.core.keys.KeyScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What the leak finder takes out of pasted text, and what it must leave alone: every real key shape, each with a near miss. */
class LeakExtractionTest {
    /** Real-shaped keys: 43 characters of standard base64 and the closing {@code =}, with {@code +} and {@code /}. */
    static final String B64_A = "qOkbX3vT9/Lw2Zr8mQeP0aN5cJd7yH1GsBFk4+ok160=";
    static final String B64_B = "Zx9/Qm3RfT0aLw8YcN2vKd5HsJ1oGp7EuXb4Wq6T/s8=";
    static final String REAL_PROJ = "confident_us_proj_" + B64_A;
    static final String REAL_ORG = "confident_us_org_" + B64_B;
    /** The documentation's example shape: 32 hex. */
    static final String HEX_A = "0123456789abcdef0123456789a1b2c3";
    static final String HEX_B = "fedcba9876543210fedcba9876d4e5f6";
    static final String PROJ_US = "confident_us_proj_" + HEX_A;
    static final String ORG_EU = "confident_eu_org_" + HEX_B;
    static final String URL_SAFE = "qOkbX3vT9_Lw2Zr8mQeP0aN5cJd7yH1GsBFk4-ok160";

    static Stream<Arguments> textsWithKeys() {
        return Stream.of(
                arguments("a real key alone", REAL_PROJ, List.of("PROJECT ok160=")),
                arguments("a real organisation key alone", REAL_ORG, List.of("ORGANISATION 6T/s8=")),
                arguments("a real key without a digit (1 in 1,400)", "confident_us_proj_tcNZCcJmwvtdztgQzrZK+IHmVXvgt/khZjqigAIoAAA=",
                        List.of("PROJECT IoAAA=")),
                arguments("the key alone (documentation example)", PROJ_US, List.of("PROJECT a1b2c3")),
                arguments("log line", "2026-02-01T10:00:00Z ERROR auth failed key=" + REAL_PROJ + " user=bob", List.of("PROJECT ok160=")),
                arguments("stack trace", "java.lang.IllegalStateException: bad key " + REAL_PROJ + "\n\tat dev.x.Y.z(Y.java:12)",
                        List.of("PROJECT ok160=")),
                arguments("URL query string, URL-encoded", "https://hooks.example.com/cb?api_key="
                        + REAL_ORG.replace("/", "%2F").replace("=", "%3D") + "&retry=1", List.of("ORGANISATION 6T/s8=")),
                arguments("URL query string, lower-case escapes and %2B", "?k=" + REAL_PROJ.replace("+", "%2b").replace("=", "%3d"),
                        List.of("PROJECT ok160=")),
                arguments("URL query string (example shape)", "https://hooks.example.com/cb?api_key=" + ORG_EU + "&retry=1",
                        List.of("ORGANISATION d4e5f6")),
                arguments("URL path (example shape)", "https://x.example/keys/" + PROJ_US + "/info", List.of("PROJECT a1b2c3")),
                arguments("URL path", "https://x.example/keys/" + REAL_PROJ + "/info", List.of("PROJECT ok160=")),
                arguments("JSON", "{\"apiKey\":\"" + REAL_PROJ + "\",\"n\":1}", List.of("PROJECT ok160=")),
                arguments("JSON with \\/ escapes", "{\"apiKey\":\"" + REAL_ORG.replace("/", "\\/") + "\"}", List.of("ORGANISATION 6T/s8=")),
                arguments("JSON with \\u002B escapes", "{\"k\":\"" + REAL_PROJ.replace("+", "\\u002B").replace("=", "\\u003d") + "\"}",
                        List.of("PROJECT ok160=")),
                arguments(".env file", "# secrets\nCONFIDENT_API_KEY=" + REAL_ORG + "\nOTHER=1\n", List.of("ORGANISATION 6T/s8=")),
                arguments("shell, single quotes", "export CONFIDENT_API_KEY='" + REAL_PROJ + "'", List.of("PROJECT ok160=")),
                arguments("diff", "-CONFIDENT_API_KEY=changeme\n+CONFIDENT_API_KEY=" + REAL_PROJ + "\n", List.of("PROJECT ok160=")),
                arguments("quotes and brackets", "('" + REAL_PROJ + "'), [" + ORG_EU + "].", List.of("PROJECT ok160=", "ORGANISATION d4e5f6")),
                arguments("angle brackets, comma", "<" + PROJ_US + ">," + REAL_ORG + ";", List.of("PROJECT a1b2c3", "ORGANISATION 6T/s8=")),
                arguments("YAML, quoted", "confident:\n  key: \"" + REAL_ORG + "\"\n", List.of("ORGANISATION 6T/s8=")),
                arguments("YAML, plain", "confident:\n  key: " + REAL_PROJ + "\n  other: 1\n", List.of("PROJECT ok160=")),
                arguments("several keys, one repeated", REAL_PROJ + " " + ORG_EU + " again " + REAL_PROJ,
                        List.of("PROJECT ok160=", "ORGANISATION d4e5f6")),
                arguments("legacy prefixes without a region", "confident_proj_" + B64_B + " confident_org_" + HEX_A,
                        List.of("PROJECT 6T/s8=", "ORGANISATION a1b2c3")),
                arguments("any region code", "confident_au_proj_" + HEX_A + " confident_apac_org_" + B64_B + " confident_xy_proj_" + B64_A,
                        List.of("PROJECT a1b2c3", "ORGANISATION 6T/s8=", "PROJECT ok160=")),
                arguments("no scope: kind unknown", "key confident_us_" + B64_A + " and confident_" + HEX_B,
                        List.of("UNKNOWN ok160=", "UNKNOWN d4e5f6")),
                arguments("a global key", "CONFIDENT_API_KEY=confident_us_global_" + B64_B, List.of("GLOBAL 6T/s8=")),
                arguments("URL-safe base64", "token confident_eu_proj_" + URL_SAFE + " end", List.of("PROJECT -ok160")),
                arguments("64 hex", "confident_us_org_" + HEX_A + HEX_B, List.of("ORGANISATION d4e5f6")),
                arguments("an underscore after it", "backup_" + PROJ_US + "_old.txt", List.of("PROJECT a1b2c3")),
                arguments("wrapped once across lines", "key: confident_us_proj_0123456789abcdef0123\n  456789a1b2c3 was used",
                        List.of("PROJECT a1b2c3")),
                arguments("a real key wrapped", "key: confident_us_proj_qOkbX3vT9/Lw2Zr8mQeP0aN5cJd7y\n  H1GsBFk4+ok160= was used",
                        List.of("PROJECT ok160=")),
                arguments("wrapped inside the prefix", "confident_us\n_proj_" + B64_A, List.of("PROJECT ok160=")),
                arguments("wrapped with CRLF", "confident_us_proj_0123456789abcdef\r\n0123456789a1b2c3", List.of("PROJECT a1b2c3")),
                arguments("wrapped in a diff", "+key: confident_us_proj_0123456789abcdef0123\n+456789a1b2c3\n", List.of("PROJECT a1b2c3")),
                arguments("masked value from a screen", "the key ***************d4e5f6 was shown", List.of("UNKNOWN d4e5f6")),
                arguments("masked value of a real key", "value: \"***************ok160=\"", List.of("UNKNOWN ok160=")),
                arguments("masked value with + and /", "***************k+/80= and ***************ab+/cd", List.of("UNKNOWN k+/80=",
                        "UNKNOWN ab+/cd")),
                arguments("masked value in JSON with \\/", "{\"value\":\"***************6T\\/s8=\"}", List.of("UNKNOWN 6T/s8=")),
                arguments("masked value of a key also in the text", REAL_PROJ + " ***************ok160=", List.of("PROJECT ok160="))
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
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0"
                + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
        return Stream.of(
                arguments("prose", "We are confident that the org_ and proj_ settings are fine; see confident_ai docs."),
                arguments("an env var name alone", "CONFIDENT_API_KEY=\nCONFIDENT_ORG_API_KEY=${SECRET}"),
                arguments("a snake_case name after the prefix", "confident_evaluation_pipeline_runner_for_production_v2 = 1"),
                arguments("one long word after the prefix", "confident_internationalizationandlocalizationsettings"),
                arguments("base64 noise", Base64.getEncoder().encodeToString(bytes)),
                arguments("base64url noise", Base64.getUrlEncoder().encodeToString(bytes)),
                arguments("a base64 blob after the prefix (too long)", "confident_us_proj_" + Base64.getEncoder().encodeToString(bytes)),
                arguments("a real key's body without the prefix", "token=" + B64_A),
                arguments("JWT", "Authorization: Bearer " + jwt),
                arguments("JWT after the prefix", "confident_us_proj_" + jwt),
                arguments("UUIDs", UUID.nameUUIDFromBytes(bytes) + " " + uuid),
                arguments("a UUID after the prefix", "confident_us_proj_" + uuid),
                arguments("sha256", "sha256:" + sha256 + "  artifact.jar"),
                arguments("git hashes", "commit 3671509e0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e\nMerge: e6728ce b1c0565\n"),
                arguments("32 hex without the prefix", "etag: \"" + HEX_A + "\""),
                arguments("body one too short (31)", "confident_us_proj_" + HEX_A.substring(1)),
                arguments("base64 body one too short (31)", "confident_us_proj_" + B64_A.substring(13)),
                arguments("body one too long (65)", "confident_us_proj_" + HEX_A + HEX_B + "0"),
                arguments("upper-cased key (not supported)", PROJ_US.toUpperCase()),
                arguments("upper-cased real key (not supported)", REAL_PROJ.toUpperCase()),
                arguments("broken by a log prefix (not supported)", "confident_us_proj_0123456789abcdef0123\nINFO 456789a1b2c3"),
                arguments("a short piece, then text on the next line", "confident_us_proj_qOkbX3vT9/Lw2Zr8mQeP0\nand then 12 words"),
                arguments("few stars", "***bold*** and **abcdef** in markdown"),
                arguments("masked with = inside", "***************ab=cde"),
                arguments("masked, 7 characters", "***************abcdefg")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textsWithoutKeys")
    void findsNothingInTextWithoutKeys(String what, String text) {
        assertThat(LeakFinder.extract(text)).isEmpty();
    }

    /** A line break at every place in the key, the prefix included: 49 places in the example shape, 61 in the real one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappedKeys")
    void aKeyWrappedAnywhereIsFoundWhole(String key, String lineBreak) {
        for (int at = 1; at < key.length(); at++) {
            String text = "token: " + key.substring(0, at) + lineBreak + key.substring(at) + " (expired)";
            List<Candidate> candidates = LeakFinder.extract(text);
            assertThat(candidates).as("break after %d characters", at).singleElement()
                    .satisfies(candidate -> assertThat(candidate.suffix()).isEqualTo(key.substring(key.length() - 6)));
            assertThat(LeakFinder.rawValueOf(text, candidates.get(0))).as("break after %d characters", at).contains(key);
        }
    }

    static Stream<Arguments> wrappedKeys() {
        return Stream.of(arguments(PROJ_US, "\n"), arguments(PROJ_US, "\r\n    "), arguments(REAL_PROJ, "\n"),
                arguments(REAL_ORG, "\r\n\t"));
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
        List<Candidate> candidates = LeakFinder.extract("nothing here", List.of("  sk-live-9x8y7zQWERTY  ", "d4e5f6", REAL_PROJ));
        assertThat(candidates).extracting(LeakExtractionTest::describe).containsExactly("UNKNOWN QWERTY", "UNKNOWN d4e5f6",
                "PROJECT ok160=");
        assertThat(candidates).allSatisfy(candidate -> {
            assertThat(candidate.source()).isEqualTo(Candidate.Source.MARKED);
            assertThat(candidate.line()).isZero();
        });
        assertThatThrownBy(() -> LeakFinder.extract("", List.of("abc12"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("abc12");
    }

    @Test
    void aCandidateKeepsOnlyItsSuffixNeverTheRawText() throws Exception {
        Candidate candidate = LeakFinder.extract("line one\nAuthorization: " + REAL_ORG.replace("us_", "eu_")).get(0);
        assertThat(candidate.suffix()).isEqualTo("6T/s8=");
        assertThat(candidate.masked()).isEqualTo("***************6T/s8=");
        assertThat(candidate.region()).isEqualTo("eu");
        assertThat(candidate.line()).isEqualTo(2);
        assertThat(candidate.source()).isEqualTo(Candidate.Source.KEY_PATTERN);
        assertThat(candidate.toString()).isEqualTo("…6T/s8=");
        for (var component : Candidate.class.getRecordComponents()) {
            assertThat(String.valueOf(component.getAccessor().invoke(candidate))).doesNotContain(B64_B.substring(0, 20));
        }
        assertThat(KeyPatterns.find(REAL_ORG).get(0).toString()).doesNotContain(B64_B.substring(0, 20));
    }

    @Test
    void linesAreCountedForEveryKindKeysFirst() {
        List<Candidate> candidates = LeakFinder.extract("a\nb " + PROJ_US + "\n\n***************ok160=\r\nc " + REAL_ORG);
        assertThat(candidates).extracting(Candidate::line).containsExactly(2, 5, 4);
    }

    @Test
    void theRawKeyCanBeTakenAgainFromTheSameTextForCheckAKey() {
        String text = "a: " + ORG_EU + "\nb: confident_us_proj_0123456789abcdef0123\n  456789a1b2c3\nc: ***************999999\n"
                + "d: {\"k\":\"" + REAL_ORG.replace("/", "\\/") + "\"}\ne: ?k=" + REAL_PROJ.replace("+", "%2B").replace("=", "%3D");
        List<Candidate> candidates = LeakFinder.extract(text);
        assertThat(candidates).extracting(Candidate::source).containsExactly(Candidate.Source.KEY_PATTERN,
                Candidate.Source.KEY_PATTERN, Candidate.Source.KEY_PATTERN, Candidate.Source.KEY_PATTERN, Candidate.Source.MASKED_VALUE);
        assertThat(LeakFinder.rawValueOf(text, candidates.get(0))).contains(ORG_EU);
        assertThat(LeakFinder.rawValueOf(text, candidates.get(1))).contains(PROJ_US);
        assertThat(LeakFinder.rawValueOf(text, candidates.get(2))).as("escapes decoded").contains(REAL_ORG);
        assertThat(LeakFinder.rawValueOf(text, candidates.get(3))).as("URL-encoding decoded").contains(REAL_PROJ);
        assertThat(LeakFinder.rawValueOf(text, candidates.get(4))).as("a masked value has no raw key").isEmpty();
        assertThat(LeakFinder.rawValueOf("other text", candidates.get(0))).isEmpty();
    }

    @Test
    void theScopeOfEachShape() {
        assertThat(KeyPatterns.whole(REAL_PROJ).scope()).isEqualTo(KeyScope.PROJECT);
        assertThat(KeyPatterns.whole(REAL_ORG).scope()).isEqualTo(KeyScope.ORGANISATION);
        assertThat(KeyPatterns.whole("confident_global_" + B64_A).scope()).isEqualTo(KeyScope.GLOBAL);
        assertThat(KeyPatterns.whole("confident_eu_" + B64_A).scope()).isEqualTo(KeyScope.UNKNOWN);
        assertThat(KeyPatterns.whole(" " + REAL_PROJ + "\n")).as("surrounding spaces").isNotNull();
        assertThat(KeyPatterns.whole("key " + REAL_PROJ)).as("not alone").isNull();
    }

    private static String describe(Candidate candidate) {
        return candidate.scope().name() + " " + candidate.suffix();
    }
}
