package dev.keywarden.model;

import java.time.Duration;
import java.util.Objects;

/**
 * What a v2 rotation asks for: how long the current value keeps working beside the new one
 * ({@code gracePeriodInHours}; 0 stops it at once) and the key's lifetime from now on.
 *
 * @param gracePeriodInHours 0 or more
 * @param newLifetime        null keeps the key's current expiry; {@link KeyLifetime#NEVER} removes it; otherwise
 *                           the key expires that many days from now. A key that has already expired needs one.
 */
public record Rotation(int gracePeriodInHours, KeyLifetime newLifetime) {

    public Rotation {
        if (gracePeriodInHours < 0) {
            throw new IllegalArgumentException("The grace period cannot be negative");
        }
    }

    /** The old value stops at once; the expiry stays as it is. */
    public static Rotation immediate() {
        return new Rotation(0, null);
    }

    /** The old value keeps working for {@code grace} (whole hours) beside the new one; the expiry stays as it is. */
    public static Rotation withGrace(Duration grace) {
        if (grace.isNegative() || grace.toSeconds() % 3600 != 0) {
            throw new IllegalArgumentException("The grace period is a whole number of hours, not " + grace);
        }
        return new Rotation(Math.toIntExact(grace.toHours()), null);
    }

    /** The same grace period, with this lifetime from now ({@link KeyLifetime#NEVER} removes the expiry). */
    public Rotation withLifetime(KeyLifetime lifetime) {
        return new Rotation(gracePeriodInHours, Objects.requireNonNull(lifetime, "lifetime"));
    }

    public boolean keepsExpiry() {
        return newLifetime == null;
    }
}
