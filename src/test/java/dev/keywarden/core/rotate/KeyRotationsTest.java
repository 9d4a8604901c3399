package dev.keywarden.core.rotate;

import dev.keywarden.api.ConflictException;
import dev.keywarden.api.KeyLifecycleApi;
import dev.keywarden.api.ServerException;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditOutcome;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.Json;
import dev.keywarden.model.Project;
import dev.keywarden.model.Rotation;
import dev.keywarden.testing.FakeConfidentApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRotationsTest {
    private static final String REAL_SHAPE = "confident_us_proj_[A-Za-z0-9+/]{43}=";
    private static final AuditContext CONTEXT = new AuditContext("work", "org-1", "Acme Inc.");

    private final FakeConfidentApi api = new FakeConfidentApi().withProject("p1", "Checkout", true).withKeyLifecycle();
    private final KeyLifecycleApi v2 = api.keyLifecycle().orElseThrow();
    private final KeyEntry entry = KeyEntry.ofProject(new Project("p1", "Checkout", null, "org", FakeConfidentApi.T0, null),
            v2.listApiKeys("p1").get(0));

    @Test
    void aRotationWithGraceGivesTheNewValueOnceAndIsAuditedWithoutIt() throws Exception {
        RotationResult result = KeyRotations.rotate(v2, entry, Rotation.withGrace(Duration.ofHours(1)));

        assertThat(result.outcome()).isEqualTo(RotationResult.Outcome.ROTATED);
        assertThat(result.newValue()).matches(REAL_SHAPE);
        assertThat(result.after().isMasked()).isTrue();
        assertThat(result.after().rotatesAt()).isEqualTo(FakeConfidentApi.T0.plus(Duration.ofHours(1)));
        assertThat(result.message()).contains("keeps working until 2024-12-05 00:00 UTC").doesNotContain(result.newValue());
        assertThat(result.toString()).doesNotContain(result.newValue());

        AuditEntry audited = result.auditEntry(CONTEXT, Instant.now(), "leaked in CI log");
        assertThat(audited.action()).isEqualTo(KeyAction.ROTATE);
        assertThat(audited.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(audited.rotatesAt()).isEqualTo(result.after().rotatesAt());
        assertThat(audited.detail()).contains("Grace period: 1 h; lifetime: kept.");
        String line = Json.newMapper().writeValueAsString(audited);
        assertThat(line).contains("\"action\":\"ROTATE\"").contains("\"rotates_at\"").doesNotContain(result.newValue());
    }

    @Test
    void aLostAnswerWhoseRotationLandedSaysTheValueIsLostForGood() {
        api.failChangesOf(entry.key().id(), new ServerException(502, "Bad gateway", "POST", "/v2"), true, 1);

        RotationResult result = KeyRotations.rotate(v2, entry, Rotation.immediate());

        assertThat(result.outcome()).isEqualTo(RotationResult.Outcome.ROTATED_VALUE_LOST);
        assertThat(result.newValue()).isNull();
        assertThat(result.after().suffix()).isNotEqualTo(entry.suffix());
        assertThat(result.message()).contains("cannot be shown again").contains("Rotate the key once more");
        assertThat(result.auditEntry(CONTEXT, Instant.now(), null).outcome()).isEqualTo(AuditOutcome.SUCCESS);
    }

    @Test
    void aLostAnswerWithTheKeyUnchangedIsNotCalledRotatedNorFailed() {
        api.failChangesOf(entry.key().id(), new ServerException(502, "Bad gateway", "POST", "/v2"), false, 1);

        RotationResult result = KeyRotations.rotate(v2, entry, Rotation.immediate());

        assertThat(result.outcome()).isEqualTo(RotationResult.Outcome.UNKNOWN);
        assertThat(result.message()).startsWith("Not known whether it was rotated").contains(entry.suffix());
        assertThat(result.auditEntry(CONTEXT, Instant.now(), null).outcome()).isEqualTo(AuditOutcome.UNKNOWN);
    }

    @Test
    void anUnknownRotationIsSettledByAReadAfterTheDeadline() {
        api.failChangesOf(entry.key().id(), new ServerException(502, "Bad gateway", "POST", "/v2"), false, 1);
        RotationResult unknown = KeyRotations.rotate(v2, entry, Rotation.immediate());

        RotationResult settled = KeyRotations.settle(v2, unknown);

        assertThat(settled.outcome()).isEqualTo(RotationResult.Outcome.FAILED);
        assertThat(settled.message()).contains("did not land");
        assertThat(settled.auditEntry(CONTEXT, Instant.now(), null).outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(KeyRotations.settle(v2, settled)).as("only an unknown outcome is settled").isSameAs(settled);
    }

    @Test
    void aRefusalChangesNothing() {
        KeyRotations.rotate(v2, entry, Rotation.withGrace(Duration.ofHours(1)));

        RotationResult second = KeyRotations.rotate(v2, entry.with(v2.getApiKey("p1", entry.key().id())), Rotation.immediate());

        assertThat(second.outcome()).isEqualTo(RotationResult.Outcome.FAILED);
        assertThat(second.error()).isInstanceOf(ConflictException.class);
        assertThat(second.message()).startsWith("Not rotated:");
        assertThat(second.auditEntry(CONTEXT, Instant.now(), null).outcome()).isEqualTo(AuditOutcome.FAILED);
    }

    @Test
    void wasRotatedSeesANewCurrentValueOrANewValueInFlight() {
        var before = entry.key();
        assertThat(KeyRotations.wasRotated(before, before)).isFalse();
        KeyRotations.rotate(v2, entry, Rotation.withGrace(Duration.ofHours(2)));
        assertThat(KeyRotations.wasRotated(before, v2.getApiKey("p1", before.id()))).isTrue();
    }
}
