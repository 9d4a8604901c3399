package dev.keywarden.core;

import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.OrgKey;
import dev.keywarden.api.Region;

import java.time.Duration;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named connection to one organisation, without its key (see {@link CredentialStore}).
 * Exactly one of {@code region} and {@code customBaseUrl} is set. {@code label} and
 * {@code colour} mark the header so the admin always sees which organisation they act on.
 * {@code saved} is false for the profile that comes from the environment. {@code deadlineSeconds}
 * is how long one call to this organisation may take in all, retries included.
 */
public record Profile(String name, Region region, String customBaseUrl, String label, String colour, boolean saved,
                      int deadlineSeconds) {

    public static final String DEFAULT_COLOUR = "#2c3e50";
    public static final int DEFAULT_DEADLINE_SECONDS = (int) ConnectionConfig.DEFAULT_DEADLINE.toSeconds();
    public static final int MAX_DEADLINE_SECONDS = 600;
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    public Profile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A connection needs a name.");
        }
        name = name.strip();
        if (customBaseUrl != null && customBaseUrl.isBlank()) {
            customBaseUrl = null;
        }
        if ((region == null) == (customBaseUrl == null)) {
            throw new IllegalArgumentException("A connection needs either a region or a custom base URL, not both.");
        }
        customBaseUrl = customBaseUrl == null ? null : customBaseUrl.strip();
        label = label == null ? "" : label.strip();
        if (colour == null || colour.isBlank()) {
            colour = DEFAULT_COLOUR;
        }
        if (!HEX_COLOUR.matcher(colour).matches()) {
            throw new IllegalArgumentException("The colour must look like #c0392b.");
        }
        colour = colour.toLowerCase(Locale.ROOT);
        if (deadlineSeconds < 1 || deadlineSeconds > MAX_DEADLINE_SECONDS) {
            throw new IllegalArgumentException("The deadline must be from 1 to " + MAX_DEADLINE_SECONDS + " seconds.");
        }
    }

    /** With the default deadline. */
    public Profile(String name, Region region, String customBaseUrl, String label, String colour, boolean saved) {
        this(name, region, customBaseUrl, label, colour, saved, DEFAULT_DEADLINE_SECONDS);
    }

    public static Profile ofRegion(String name, Region region, String label, String colour) {
        return new Profile(name, Objects.requireNonNull(region, "region"), null, label, colour, true);
    }

    public static Profile ofCustomUrl(String name, String customBaseUrl, String label, String colour) {
        return new Profile(name, null, Objects.requireNonNull(customBaseUrl, "customBaseUrl"), label, colour, true);
    }

    /** The region's URL, or the custom one. */
    public String baseUrl() {
        return region != null ? region.baseUrl() : customBaseUrl;
    }

    public boolean isCustom() {
        return customBaseUrl != null;
    }

    public Duration deadline() {
        return Duration.ofSeconds(deadlineSeconds);
    }

    public Profile withDeadlineSeconds(int seconds) {
        return new Profile(name, region, customBaseUrl, label, colour, saved, seconds);
    }

    /** How a gateway reaches this connection's organisation with {@code key}, deadline included. */
    public ConnectionConfig connectionConfig(OrgKey key) {
        return ConnectionConfig.of(baseUrl(), key).withDeadline(deadline());
    }
}
