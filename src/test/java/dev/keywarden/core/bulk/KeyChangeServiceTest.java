package dev.keywarden.core.bulk;

import dev.keywarden.api.ServerException;
import dev.keywarden.api.UnavailableException;
import dev.keywarden.core.audit.AuditOutcome;
import dev.keywarden.core.bulk.KeyResult.Outcome;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.ApiKey;
import dev.keywarden.testing.FakeConfidentApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one way to change a key: send, read again after a lost answer, settle after the deadline. */
class KeyChangeServiceTest {
    private final FakeConfidentApi api = new FakeConfidentApi().withProject("p1", "Docs", true, true)
            .withOrganizationKey("admin", true, "a1b2c3");

    private KeyEntry key(long id) {
        ApiKey key = id == 3 ? api.organizationKey(3) : api.key("p1", id);
        return id == 3 ? KeyEntry.ofOrganisation(key) : new KeyEntry(dev.keywarden.core.keys.KeyKind.PROJECT, "p1", "Docs", key);
    }

    private static ServerException lost() {
        return new ServerException(502, null, "PUT", "/v1/projects/p1/api-keys/1");
    }

    @Test
    void sendingAloneLeavesALostAnswerToBeReadAgain() {
        api.failChangesOf(1, lost(), true, 1);

        KeyResult sent = KeyChangeService.send(api, key(1), KeyAction.DEACTIVATE);

        assertThat(sent.outcome()).isEqualTo(Outcome.ANSWER_LOST);
        assertThat(sent.mayStillLand()).isTrue();
        assertThat(AuditOutcome.of(sent.outcome())).isEqualTo(AuditOutcome.UNKNOWN);
        KeyResult read = KeyChangeService.readAgain(api, sent);
        assertThat(read.outcome()).isEqualTo(Outcome.CHANGED_ANSWER_LOST);
        assertThat(read.after().valid()).isFalse();
        assertThat(AuditOutcome.of(read.outcome())).isEqualTo(AuditOutcome.SUCCESS);
    }

    @Test
    void aLostAnswerWhoseReadShowsTheOldStateIsUnknownAndSettlesWhenTheChangeLandsLate() {
        api.failChangesOf(1, lost(), false, 1);
        KeyResult first = KeyChangeService.change(api, key(1), KeyAction.DEACTIVATE);
        assertThat(first.outcome()).isEqualTo(Outcome.NOT_CHANGED);
        assertThat(AuditOutcome.of(first.outcome())).as("sent, and it may still land").isEqualTo(AuditOutcome.UNKNOWN);

        api.setApiKeyValid("p1", 1, false);
        KeyResult settled = KeyChangeService.settle(api, first);

        assertThat(settled.outcome()).isEqualTo(Outcome.CHANGED_ANSWER_LOST);
        assertThat(settled.message()).isEqualTo("Deactivated: reading the key again after the deadline shows the change, "
                + "which landed although its answer was lost.");
        assertThat(AuditOutcome.of(settled.outcome())).isEqualTo(AuditOutcome.SUCCESS);
    }

    @Test
    void aChangeThatDidNotLandBeforeTheDeadlineSettlesAsFailed() {
        api.failChangesOf(1, lost(), false, 1);
        KeyResult first = KeyChangeService.change(api, key(1), KeyAction.DEACTIVATE);

        KeyResult settled = KeyChangeService.settle(api, first);

        assertThat(settled.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(settled.message()).startsWith("Not deactivated: reading the key again after the deadline shows the key is still active");
        assertThat(AuditOutcome.of(settled.outcome())).isEqualTo(AuditOutcome.FAILED);
    }

    @Test
    void aReadThatFailsLeavesItUnknownAndSaysSoAgain() {
        api.failChangesOf(3, new ServerException(500, "down", "PUT", "/v1/organization/api-keys/3"), false, 1);
        KeyResult first = KeyChangeService.send(api, key(3), KeyAction.DEACTIVATE);
        api.failAll(new UnavailableException(503, "maintenance", "GET", "/v1/organization/api-keys/3", null));

        KeyResult read = KeyChangeService.readAgain(api, first);
        KeyResult settled = KeyChangeService.settle(api, read);

        assertThat(read.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(read.message()).endsWith("It is read again after the deadline.");
        assertThat(settled.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(settled.message()).startsWith("Still not known whether it was deactivated").endsWith("Check it.");
    }

    @Test
    void aRevocationSettlesByWhetherTheKeyIsStillThere() {
        api.failChangesOf(2, new ServerException(500, "boom", "DELETE", "/v1/projects/p1/api-keys/2"), false, 1);
        KeyResult first = KeyChangeService.change(api, key(2), KeyAction.REVOKE);
        assertThat(first.outcome()).isEqualTo(Outcome.NOT_CHANGED);

        api.revokeApiKey("p1", 2);

        assertThat(KeyChangeService.settle(api, first).outcome()).isEqualTo(Outcome.CHANGED_ANSWER_LOST);
    }

    @Test
    void aSettledResultIsLeftAsItIs() {
        KeyResult done = KeyChangeService.change(api, key(1), KeyAction.DEACTIVATE);
        assertThat(KeyChangeService.settle(api, done)).isSameAs(done);
    }
}
