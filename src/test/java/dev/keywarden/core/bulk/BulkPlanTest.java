package dev.keywarden.core.bulk;

import dev.keywarden.api.OrgKey;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BulkPlanTest {
    private static final Project DOCS = new Project("p1", "Docs Q&A", null, "org", Instant.EPOCH, null);
    private static final Project SHOP = new Project("p2", "Shop", null, "org", Instant.EPOCH, null);

    private static ApiKey key(long id, String name, boolean valid, String suffix) {
        return new ApiKey(id, name, valid, "***************" + suffix, Instant.EPOCH, null);
    }

    static final List<KeyEntry> LOADED = List.of(
            KeyEntry.ofOrganisation(key(1, "admin", true, "a1b2c3")),
            KeyEntry.ofOrganisation(key(2, "backup admin", true, "999999")),
            KeyEntry.ofProject(DOCS, key(3, "ci", true, "111111")),
            KeyEntry.ofProject(DOCS, key(4, "old", false, "222222")),
            KeyEntry.ofProject(SHOP, key(5, "prod", true, "333333")));

    @Test
    void saysWhatWillBeSentAndWhatIsSkipped() {
        BulkPlan plan = BulkPlan.of(KeyAction.DEACTIVATE, List.of(KeyRef.parse("p1:3"), KeyRef.parse("p1:4"), KeyRef.parse("p2:5"),
                KeyRef.parse("p2:5"), KeyRef.parse("org:2"), KeyRef.parse("p9:77")), LOADED, "a1b2c3");

        assertThat(plan.toSend()).extracting(entry -> entry.ref().toString()).containsExactly("p1:3", "p2:5", "org:2");
        assertThat(plan.count()).isEqualTo(3);
        assertThat(plan.alreadyDone()).extracting(entry -> entry.ref().toString()).containsExactly("p1:4");
        assertThat(plan.notFound()).containsExactly(KeyRef.project("p9", 77));
        assertThat(plan.countByKind()).isEqualTo(Map.of(KeyKind.PROJECT, 2, KeyKind.ORGANISATION, 1));
        assertThat(plan.projects()).containsExactly("Docs Q&A", "Shop", "Organisation");
        assertThat(plan.names()).containsExactly("ci", "prod", "backup admin");
        assertThat(plan.suffixes()).containsExactly("111111", "333333", "999999");
        assertThat(plan.ownKey()).isEqualTo(OwnKey.NOT_INCLUDED);
        assertThat(plan.inPlainWords()).containsExactly(
                "Deactivate 3 keys (2 project keys, 1 organisation key) in Docs Q&A, Shop, Organisation.",
                "1 key already deactivated: skipped.",
                "1 key not found in this organisation: not sent (p9:77).");
    }

    @Test
    void reactivatingSkipsActiveKeysAndRevokingSkipsNone() {
        List<KeyRef> all = LOADED.stream().map(KeyEntry::ref).toList();
        assertThat(BulkPlan.of(KeyAction.ACTIVATE, all, LOADED, null).toSend()).extracting(entry -> entry.ref().toString())
                .containsExactly("p1:4");
        BulkPlan revoke = BulkPlan.of(KeyAction.REVOKE, all, LOADED, null);
        assertThat(revoke.count()).isEqualTo(5);
        assertThat(revoke.ownKey()).isEqualTo(OwnKey.NOT_KNOWN);
        assertThat(revoke.inPlainWords()).last().isEqualTo("Revocation is permanent and cannot be undone.");
    }

    @Test
    void saysWhenThePlanIncludesTheConnectionsOwnKey() {
        String ownSuffix = BulkPlan.suffixOf(OrgKey.of("confident_us_org_0123456789abcdef0123456789a1b2c3"));
        assertThat(ownSuffix).isEqualTo("a1b2c3");
        BulkPlan plan = BulkPlan.of(KeyAction.DEACTIVATE, List.of(KeyRef.organisation(1), KeyRef.project("p1", 3)), LOADED, ownSuffix);
        assertThat(plan.ownKey()).isEqualTo(OwnKey.INCLUDED);
        assertThat(plan.ownKeyCandidates()).extracting(entry -> entry.ref().toString()).containsExactly("org:1");
        assertThat(plan.inPlainWords()).contains("This includes the organisation key this connection uses: it is sent last, alone, "
                + "and Keywarden loses access once it is deactivated.");
        assertThat(plan.toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void theOwnKeyGoesLastAndCanBeLeftOut() {
        BulkPlan plan = BulkPlan.of(KeyAction.DEACTIVATE, List.of(KeyRef.organisation(1), KeyRef.project("p1", 3),
                KeyRef.project("p2", 5)), LOADED, "a1b2c3");
        assertThat(plan.toSend()).extracting(entry -> entry.ref().toString()).containsExactly("p1:3", "p2:5", "org:1");
        assertThat(plan.ownKeyToSend()).extracting(entry -> entry.ref().toString()).containsExactly("org:1");

        BulkPlan without = plan.withoutOwnKey();

        assertThat(without.toSend()).extracting(entry -> entry.ref().toString()).containsExactly("p1:3", "p2:5");
        assertThat(without.ownKey()).isEqualTo(OwnKey.NOT_INCLUDED);
        assertThat(without.leftOut()).extracting(entry -> entry.ref().toString()).containsExactly("org:1");
        assertThat(without.inPlainWords()).contains("1 key left out: the organisation key this connection uses is not deactivated "
                + "unless you confirm it separately.");
        assertThat(BulkPlan.of(KeyAction.DEACTIVATE, List.of(KeyRef.project("p1", 3)), LOADED, "a1b2c3").withoutOwnKey().leftOut())
                .isEmpty();
    }

    @Test
    void severalOrganisationKeysWithTheSameSuffixAreNamedAndNoneIsMarked() {
        List<KeyEntry> loaded = List.of(KeyEntry.ofOrganisation(key(1, "admin", true, "a1b2c3")),
                KeyEntry.ofOrganisation(key(2, "twin", true, "a1b2c3")), KeyEntry.ofProject(DOCS, key(3, "ci", true, "a1b2c3")));
        BulkPlan plan = BulkPlan.of(KeyAction.REVOKE, List.of(KeyRef.organisation(2)), loaded, "a1b2c3");
        assertThat(plan.ownKey()).isEqualTo(OwnKey.MAYBE_INCLUDED);
        assertThat(plan.ownKeyCandidates()).extracting(entry -> entry.ref().toString()).containsExactly("org:1", "org:2");
        assertThat(plan.inPlainWords()).contains("2 organisation keys end in a1b2c3 like the one this connection uses, and this plan "
                + "includes at least one: it may include this connection's own key, so it is sent last.");
        assertThat(BulkPlan.of(KeyAction.REVOKE, List.of(KeyRef.project("p1", 3)), loaded, "a1b2c3").ownKey())
                .as("a project key with the same suffix is not the connection's key").isEqualTo(OwnKey.NOT_INCLUDED);
    }
}
