package dev.keywarden.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A project API key or an organisation API key: both have the same shape, masking and errors. {@code value} is masked ({@code ***************d4e5f6}) in every response
 * except the one that creates the key. {@code lastUsed} is null when the key was never used.
 * {@code valid == false} means deactivated: rejected on authentication.
 *
 * <p>The v2 key lifecycle adds three fields, null in every v1 answer: {@code expiresAt} (when the key stops
 * authenticating; null = never), {@code shadowValue} (the replacement value while a rotation is in flight,
 * masked like {@code value} except in the answer to the rotation) and {@code rotatesAt} (when that rotation
 * completes: {@code value} stops and the replacement takes over). Left out of JSON when null, so a key
 * without them is written as v1 has it.
 */
public record ApiKey(
        @JsonProperty(value = "id", required = true) long id,
        @JsonProperty("name") String name,
        @JsonProperty(value = "valid", required = true) boolean valid,
        @JsonProperty(value = "value", required = true) String value,
        @JsonProperty(value = "created_at", required = true) Instant createdAt,
        @JsonProperty("lastUsed") Instant lastUsed,
        @JsonProperty("expiresAt") @JsonInclude(JsonInclude.Include.NON_NULL) Instant expiresAt,
        @JsonProperty("shadowValue") @JsonInclude(JsonInclude.Include.NON_NULL) String shadowValue,
        @JsonProperty("rotatesAt") @JsonInclude(JsonInclude.Include.NON_NULL) Instant rotatesAt) {

    public static final int MASK_STARS = 15;
    public static final int VISIBLE_SUFFIX = 6;

    @JsonCreator
    public ApiKey {
    }

    /** A key as v1 answers show it: no expiry, no rotation in flight. */
    public ApiKey(long id, String name, boolean valid, String value, Instant createdAt, Instant lastUsed) {
        this(id, name, valid, value, createdAt, lastUsed, null, null, null);
    }

    /** The documented mask: 15 {@code *} then the last 6 characters of the raw value. */
    public static String mask(String rawValue) {
        return "*".repeat(MASK_STARS) + suffixOf(rawValue);
    }

    /** The last 6 characters of a value (the whole value when shorter): what the masked form shows. */
    public static String suffixOf(String value) {
        return value.length() <= VISIBLE_SUFFIX ? value : value.substring(value.length() - VISIBLE_SUFFIX);
    }

    private static boolean isMaskedValue(String value) {
        return value == null || value.startsWith("*");
    }

    /** The last 6 characters: what an admin matches against a leaked key. */
    @JsonIgnore
    public String suffix() {
        return suffixOf(value);
    }

    /** The last 6 characters of the replacement value while a rotation is in flight; null otherwise. */
    @JsonIgnore
    public String shadowSuffix() {
        return shadowValue == null ? null : suffixOf(shadowValue);
    }

    /** Whether {@code value} is masked, as in every answer but the one that creates or rotates the key. */
    @JsonIgnore
    public boolean isMasked() {
        return value.startsWith("*");
    }

    /** Whether the key has stopped authenticating by its expiry at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether a rotation is in flight: a replacement value waits beside the current one until {@code rotatesAt}. */
    @JsonIgnore
    public boolean isRotationPending() {
        return rotatesAt != null;
    }

    /** The same key switched on or off. */
    public ApiKey withValid(boolean newValid) {
        return new ApiKey(id, name, newValid, value, createdAt, lastUsed, expiresAt, shadowValue, rotatesAt);
    }

    /** The same key last used at {@code time}. */
    public ApiKey withLastUsed(Instant time) {
        return new ApiKey(id, name, valid, value, createdAt, time, expiresAt, shadowValue, rotatesAt);
    }

    /** This key as every response but the creating (or rotating) one shows it: both values masked. */
    public ApiKey masked() {
        if (isMasked() && isMaskedValue(shadowValue)) {
            return this;
        }
        return new ApiKey(id, name, valid, isMasked() ? value : mask(value), createdAt, lastUsed, expiresAt,
                isMaskedValue(shadowValue) ? shadowValue : mask(shadowValue), rotatesAt);
    }

    /** Never prints a raw value, even for a freshly created or rotated key. */
    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", name=" + name + ", valid=" + valid + ", value=" + mask(value)
                + ", createdAt=" + createdAt + ", lastUsed=" + lastUsed
                + (expiresAt == null ? "" : ", expiresAt=" + expiresAt)
                + (shadowValue == null ? "" : ", shadowValue=" + mask(shadowValue))
                + (rotatesAt == null ? "" : ", rotatesAt=" + rotatesAt) + "]";
    }
}
