package dev.keywarden.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A project API key or an organisation API key: both have the same shape, masking and errors. {@code value} is masked ({@code ***************d4e5f6}) in every response
 * except the one that creates the key. {@code lastUsed} is null when the key was never used.
 * {@code valid == false} means deactivated: rejected on authentication.
 */
public record ApiKey(
        @JsonProperty(value = "id", required = true) long id,
        @JsonProperty("name") String name,
        @JsonProperty(value = "valid", required = true) boolean valid,
        @JsonProperty(value = "value", required = true) String value,
        @JsonProperty(value = "created_at", required = true) Instant createdAt,
        @JsonProperty("lastUsed") Instant lastUsed) {

    public static final int MASK_STARS = 15;
    public static final int VISIBLE_SUFFIX = 6;

    /** The documented mask: 15 {@code *} then the last 6 characters of the raw value. */
    public static String mask(String rawValue) {
        return "*".repeat(MASK_STARS) + suffixOf(rawValue);
    }

    private static String suffixOf(String value) {
        return value.length() <= VISIBLE_SUFFIX ? value : value.substring(value.length() - VISIBLE_SUFFIX);
    }

    /** The last 6 characters: what an admin matches against a leaked key. */
    @JsonIgnore
    public String suffix() {
        return suffixOf(value);
    }

    @JsonIgnore
    public boolean isMasked() {
        return value.startsWith("*");
    }

    /** This key as every response but the creating one shows it. */
    /** The same key switched on or off. */
    public ApiKey withValid(boolean newValid) {
        return new ApiKey(id, name, newValid, value, createdAt, lastUsed);
    }

    /** The same key last used at {@code time}. */
    public ApiKey withLastUsed(java.time.Instant time) {
        return new ApiKey(id, name, valid, value, createdAt, time);
    }

    public ApiKey masked() {
        return isMasked() ? this : new ApiKey(id, name, valid, mask(value), createdAt, lastUsed);
    }

    /** Never prints a raw value, even for a freshly created key. */
    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", name=" + name + ", valid=" + valid + ", value=" + mask(value)
                + ", createdAt=" + createdAt + ", lastUsed=" + lastUsed + "]";
    }
}
