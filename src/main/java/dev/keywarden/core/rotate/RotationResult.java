package dev.keywarden.core.rotate;

import dev.keywarden.core.PlainWords;
import dev.keywarden.core.TimeText;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditOutcome;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyPatterns;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Rotation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What rotating one key did. The new raw value is here only when the server's answer held it; whoever shows it
 * shows it once and drops this result. {@link #toString()} never prints it.
 *
 * @param after    the key as the server now has it (masked), or null when not known
 * @param newValue the new raw value, or null (failed, or the answer holding it was lost)
 * @param error    the failure, or null; never shown raw
 * @param message  what happened, in plain words; never holds a raw key
 */
public record RotationResult(KeyEntry entry, Rotation rotation, Outcome outcome, ApiKey after, String newValue,
                             Exception error, String message) {

    public enum Outcome {
        /** Rotated, and the answer holds the new value. */
        ROTATED,
        /** The answer was lost, and reading the key again shows it rotated: the new value cannot be shown, ever. */
        ROTATED_VALUE_LOST,
        /** The answer was lost and reading the key again shows it unchanged or fails: the rotation may still land. */
        UNKNOWN,
        /** The server refused it, or it could not be sent: nothing changed. */
        FAILED
    }

    public RotationResult {
        message = KeyPatterns.redact(message);
    }

    public boolean succeeded() {
        return outcome == Outcome.ROTATED || outcome == Outcome.ROTATED_VALUE_LOST;
    }

    /** The audit trail's entry: action {@code rotate}, with the rotation's end and the expiry the server now has. */
    public AuditEntry auditEntry(AuditContext context, Instant time, String reason) {
        AuditOutcome recorded = switch (outcome) {
            case ROTATED, ROTATED_VALUE_LOST -> AuditOutcome.SUCCESS;
            case UNKNOWN -> AuditOutcome.UNKNOWN;
            case FAILED -> AuditOutcome.FAILED;
        };
        String detail = message + " Grace period: " + LifecycleDurations.words(Duration.ofHours(rotation.gracePeriodInHours()))
                + "; lifetime: " + lifetimeWords() + ".";
        AuditEntry entryOf = AuditEntry.of(context, time, entry, KeyAction.ROTATE, recorded, detail, reason);
        return after == null ? entryOf : entryOf.withLifecycle(after.rotatesAt(), after.expiresAt());
    }

    private String lifetimeWords() {
        if (rotation.keepsExpiry()) {
            return "kept";
        }
        return rotation.newLifetime().isNever() ? "never expires" : rotation.newLifetime().days() + " days";
    }

    static RotationResult rotated(KeyEntry entry, Rotation rotation, ApiKey after, String newValue) {
        String words = after.isRotationPending()
                ? "Rotated: the old value keeps working until " + TimeText.date(after.rotatesAt(), ZoneOffset.UTC) + " UTC, then only the new value ending "
                  + ApiKey.suffixOf(newValue) + " works."
                : "Rotated: the old value stopped at once; only the new value ending " + ApiKey.suffixOf(newValue) + " works.";
        return new RotationResult(entry, rotation, Outcome.ROTATED, after.masked(), newValue, null, words);
    }

    static RotationResult rotatedValueLost(KeyEntry entry, Rotation rotation, ApiKey after, Exception error) {
        return new RotationResult(entry, rotation, Outcome.ROTATED_VALUE_LOST, after.masked(), null, error,
                "Rotated, but the answer holding the new value was lost (" + PlainWords.of(error) + "): that value cannot be shown "
                        + "again. Rotate the key once more, with no grace period, to get a value you can use.");
    }

    static RotationResult unknown(KeyEntry entry, Rotation rotation, ApiKey after, Exception error, String how) {
        return new RotationResult(entry, rotation, Outcome.UNKNOWN, after == null ? null : after.masked(), null, error,
                "Not known whether it was rotated: the answer was lost (" + PlainWords.of(error) + ") and " + how
                        + ". Read the key again in a minute: if its value no longer ends " + entry.suffix()
                        + ", it was rotated and the new value is lost; rotate it again.");
    }

    static RotationResult didNotLand(KeyEntry entry, Rotation rotation, ApiKey after, Exception error) {
        return new RotationResult(entry, rotation, Outcome.FAILED, after.masked(), null, error, "Not rotated: reading the key "
                + "again after the deadline shows its value unchanged, so the rotation whose answer was lost did not land.");
    }

    static RotationResult stillUnknown(KeyEntry entry, Rotation rotation, Exception error, Exception rereadError) {
        return new RotationResult(entry, rotation, Outcome.UNKNOWN, null, null, error, "Still not known whether it was rotated: "
                + "reading the key again after the deadline failed too (" + PlainWords.of(rereadError) + "). Check it.");
    }

    static RotationResult failed(KeyEntry entry, Rotation rotation, Exception error) {
        return new RotationResult(entry, rotation, Outcome.FAILED, null, null, error, "Not rotated: " + PlainWords.of(error));
    }

    /** Never prints the new value. */
    @Override
    public String toString() {
        return "RotationResult[" + entry.ref() + " " + outcome + ", newValue=" + (newValue == null ? "none" : ApiKey.mask(newValue))
                + ": " + message + "]";
    }
}
