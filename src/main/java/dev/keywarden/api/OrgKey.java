package dev.keywarden.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * An organisation API key. Its value leaves this object only through {@link #reveal()}, which the
 * gateway calls to fill the auth header and the credential store calls to save it; it never
 * appears in {@link #toString()}.
 */
public final class OrgKey {
    private final String value;

    private OrgKey(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException when blank; the message never contains the key */
    public static OrgKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The organisation API key is empty.");
        }
        String trimmed = value.strip();
        if (trimmed.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("The organisation API key contains spaces or characters that cannot be sent in a header.");
        }
        return new OrgKey(trimmed);
    }

    public String reveal() {
        return value;
    }

    /** The last six characters, as the server shows of every key ({@code ***************d4e5f6}): enough to tell which key, not to use it. */
    public String suffix() {
        return value.length() <= 6 ? value : value.substring(value.length() - 6);
    }

    /** Region prefix as issued by Confident AI (e.g. {@code confident_eu_org_…}), or null. */
    public Region regionFromPrefix() {
        for (Region region : Region.values()) {
            if (value.startsWith("confident_" + region.name().toLowerCase() + "_")) {
                return region;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrgKey that
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "OrgKey[redacted]";
    }
}
