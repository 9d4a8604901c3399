package dev.keywarden.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.keywarden.core.PlainWords;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.core.keys.KeyPatterns;
import dev.keywarden.core.keys.KeyRef;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One change made from Keywarden. Never holds a raw key: every text passes through
 * {@link KeyPatterns#redact(String)} on the way in (a reason or an error that quotes a key keeps
 * only its masked form), and the key itself is named by its id and last 6 characters. Times are
 * kept to the millisecond, as written.
 *
 * @param detail the server's answer in short, or the error in plain words
 * @param reason what the user typed, or null
 * @param rotatesAt for a rotation: when the old value stops as the server answered (null: at once, or not a rotation)
 * @param expiresAt for a rotation or a creation with a lifetime: the key's expiry as the server answered, or null
 */
@JsonPropertyOrder({"time", "profile", "organization_id", "organization_name", "kind", "project_id", "key_id", "key_suffix",
        "action", "outcome", "detail", "reason", "rotates_at", "expires_at"})
public record AuditEntry(
        @JsonProperty(value = "time", required = true) Instant time,
        @JsonProperty("profile") String profile,
        @JsonProperty("organization_id") String organizationId,
        @JsonProperty("organization_name") String organizationName,
        @JsonProperty(value = "kind", required = true) KeyKind kind,
        @JsonProperty("project_id") String projectId,
        @JsonProperty(value = "key_id", required = true) long keyId,
        @JsonProperty("key_suffix") String keySuffix,
        @JsonProperty(value = "action", required = true) KeyAction action,
        @JsonProperty(value = "outcome", required = true) AuditOutcome outcome,
        @JsonProperty("detail") String detail,
        @JsonProperty("reason") String reason,
        @JsonProperty("rotates_at") @JsonInclude(JsonInclude.Include.NON_NULL) Instant rotatesAt,
        @JsonProperty("expires_at") @JsonInclude(JsonInclude.Include.NON_NULL) Instant expiresAt) {

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        time = time.truncatedTo(ChronoUnit.MILLIS);
        profile = KeyPatterns.redact(profile);
        organizationId = KeyPatterns.redact(organizationId);
        organizationName = KeyPatterns.redact(organizationName);
        projectId = KeyPatterns.redact(projectId);
        keySuffix = keySuffix == null || keySuffix.length() <= 6 ? keySuffix : keySuffix.substring(keySuffix.length() - 6);
        detail = KeyPatterns.redact(detail);
        reason = reason == null || reason.isBlank() ? null : KeyPatterns.redact(reason.strip());
    }

    /** The entry for one key of a bulk change; null for a key that was never sent. */
    public static AuditEntry of(AuditContext context, Instant time, KeyResult result, String reason) {
        AuditOutcome outcome = AuditOutcome.of(result.outcome());
        return outcome == null ? null : of(context, time, result.entry(), result.action(), outcome, result.message(), reason);
    }

    /** A change the server made; {@code answer} says what it answered in short, e.g. "Deactivated." */
    public static AuditEntry succeeded(AuditContext context, Instant time, KeyEntry key, KeyAction action, String answer, String reason) {
        return of(context, time, key, action, AuditOutcome.SUCCESS, answer, reason);
    }

    /** A change that failed: FAILED, or UNKNOWN when it may have been made anyway. */
    public static AuditEntry failed(AuditContext context, Instant time, KeyEntry key, KeyAction action, Throwable error, String reason) {
        return of(context, time, key, action, AuditOutcome.ofFailure(error), PlainWords.of(error), reason);
    }

    public static AuditEntry of(AuditContext context, Instant time, KeyEntry key, KeyAction action, AuditOutcome outcome,
                                String detail, String reason) {
        return new AuditEntry(time, context.profileName(), context.organizationId(), context.organizationName(), key.kind(),
                key.projectId(), key.key().id(), key.suffix(), action, outcome, detail, reason, null, null);
    }

    /** The same entry with a rotation's end and the key's expiry, as the server answered them. */
    public AuditEntry withLifecycle(Instant rotatesAt, Instant expiresAt) {
        return new AuditEntry(time, profile, organizationId, organizationName, kind, projectId, keyId, keySuffix, action, outcome,
                detail, reason, rotatesAt, expiresAt);
    }

    /** The key changed, {@code PROJECT_ID:KEY_ID} or {@code org:KEY_ID}. */
    public KeyRef ref() {
        return new KeyRef(kind, projectId, keyId);
    }
}
