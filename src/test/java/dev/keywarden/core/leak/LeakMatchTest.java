package dev.keywarden.core.leak;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Candidates against the masked values of every key of the organisation. */
class LeakMatchTest {
    private static final Project DOCS = new Project("p1", "Docs Q&A", null, "org", Instant.EPOCH, null);
    private static final Project SHOP = new Project("p2", "Shop", null, "org", Instant.EPOCH, null);

    private static ApiKey key(long id, String name, String suffix) {
        return new ApiKey(id, name, true, "***************" + suffix, Instant.EPOCH, null);
    }

    private static final List<KeyEntry> KEYS = List.of(
            KeyEntry.ofOrganisation(key(1, "admin", "a1b2c3")),
            KeyEntry.ofProject(DOCS, key(2, "ci", "a1b2c3")),
            KeyEntry.ofProject(DOCS, key(3, "prod", "111111")),
            KeyEntry.ofProject(SHOP, key(4, "prod", "111111")),
            KeyEntry.ofProject(SHOP, key(5, "dev", "222222")),
            KeyEntry.ofProject(SHOP, key(6, "real", "ok160=")),
            KeyEntry.ofOrganisation(key(7, "real admin", "6T/s8=")));
    private static final String BODY = "qOkbX3vT9/Lw2Zr8mQeP0aN5cJd7yH1GsBFk4";

    @Test
    void oneKeyMatches() {
        List<LeakMatch> matches = LeakFinder.find("leaked: confident_us_proj_00000000000000000000000000222222", List.of(), KEYS);
        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.verdict()).isEqualTo(LeakMatch.Verdict.ONE_MATCH);
            assertThat(match.matches()).extracting(entry -> entry.ref().toString()).containsExactly("p2:5");
            assertThat(match.verdictSentence()).isEqualTo("The key ending 222222 is \"dev\" (Shop).");
        });
    }

    @Test
    void aSuffixOfSeveralKeysListsThemAll() {
        LeakMatch match = LeakFinder.find("***************111111", List.of(), KEYS).get(0);
        assertThat(match.verdict()).isEqualTo(LeakMatch.Verdict.SEVERAL_MATCHES);
        assertThat(match.matches()).extracting(entry -> entry.ref().toString()).containsExactly("p1:3", "p2:4");
        assertThat(match.verdictSentence()).isEqualTo("The suffix 111111 matches 2 keys of this organisation: check which one leaked.");
    }

    @Test
    void theKindInTheKeysPrefixNarrowsTheMatches() {
        assertThat(LeakFinder.find("confident_org_00000000000000000000000000a1b2c3", List.of(), KEYS).get(0).matches())
                .extracting(entry -> entry.ref().toString()).containsExactly("org:1");
        assertThat(LeakFinder.find("confident_us_proj_00000000000000000000000000a1b2c3", List.of(), KEYS).get(0).matches())
                .extracting(entry -> entry.ref().toString()).containsExactly("p1:2");
        assertThat(LeakFinder.find("", List.of("xxa1b2c3"), KEYS).get(0).verdict()).isEqualTo(LeakMatch.Verdict.SEVERAL_MATCHES);
    }

    @Test
    void aKeyOfAnotherOrganisationMatchesNothingAndSaysSo() {
        LeakMatch match = LeakFinder.find("confident_us_proj_000000000000000000000000009f9f9f", List.of(), KEYS).get(0);
        assertThat(match.verdict()).isEqualTo(LeakMatch.Verdict.NO_MATCH);
        assertThat(match.verdictSentence()).isEqualTo("The key ending 9f9f9f matches no key of this organisation.");
    }

    @Test
    void suffixesAreComparedExactly() {
        assertThat(LeakFinder.find("", List.of("A1B2C3"), KEYS).get(0).verdict()).isEqualTo(LeakMatch.Verdict.NO_MATCH);
    }

    @Test
    void aRealShapedKeyAndItsMaskedValueMatchByTheirLastSixCharacters() {
        assertThat(LeakFinder.find("CONFIDENT_API_KEY=confident_us_proj_" + BODY + "+ok160=", List.of(), KEYS).get(0).matches())
                .extracting(entry -> entry.ref().toString()).containsExactly("p2:6");
        assertThat(LeakFinder.find("\"value\": \"***************ok160=\"", List.of(), KEYS).get(0).matches())
                .extracting(entry -> entry.ref().toString()).containsExactly("p2:6");
        assertThat(LeakFinder.find("", List.of("ok160="), KEYS).get(0).verdict()).isEqualTo(LeakMatch.Verdict.ONE_MATCH);
    }

    @Test
    void aKeyWithoutScopeIsComparedWithBothKindsAndSaysSo() {
        LeakMatch match = LeakFinder.find("confident_us_00000000000000000000000000a1b2c3", List.of(), KEYS).get(0);
        assertThat(match.matches()).extracting(entry -> entry.ref().toString()).containsExactly("org:1", "p1:2");
        assertThat(match.kindUnknown()).isTrue();
        assertThat(match.verdictSentence()).endsWith("Its prefix names no kind, so it was compared with project and organisation keys.");
        LeakMatch org = LeakFinder.find("confident_Zx9/Qm3RfT0aLw8YcN2vKd5HsJ1oGp7EuXb4Wq6T/s8=", List.of(), KEYS).get(0);
        assertThat(org.matches()).extracting(entry -> entry.ref().toString()).containsExactly("org:7");
        assertThat(LeakFinder.find("***************a1b2c3", List.of(), KEYS).get(0).kindUnknown())
                .as("a masked value never had a prefix to name its kind").isFalse();
    }

    @Test
    void aGlobalKeyMatchesNothingAndSaysWhereToSwitchItOff() {
        LeakMatch match = LeakFinder.find("confident_us_global_" + BODY + "+ok160=", List.of(), KEYS).get(0);
        assertThat(match.verdict()).isEqualTo(LeakMatch.Verdict.GLOBAL_KEY);
        assertThat(match.matches()).as("its suffix is a project key's, but a global key is not that key").isEmpty();
        assertThat(match.verdictSentence()).isEqualTo("The key ending ok160= is a global key. Global keys cannot be listed or "
                + "switched off through the API: switch it off in Confident AI's web UI, Organization Settings \u2192 Global API Keys.")
                .doesNotContain("matches no key");
    }

    @Test
    void namesFromTheServerAreShownWithTheirControlCharactersVisible() {
        KeyEntry spoof = KeyEntry.ofProject(SHOP, key(9, "prod\u202E\u001B[2J", "999999"));
        assertThat(LeakFinder.find("***************999999", List.of(), List.of(spoof)).get(0).verdictSentence())
                .isEqualTo("The key ending 999999 is \"prod\u27e8U+202E\u27e9\u27e8U+001B\u27e9[2J\" (Shop).");
    }
}
