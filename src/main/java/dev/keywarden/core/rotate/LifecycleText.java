package dev.keywarden.core.rotate;

import dev.keywarden.model.ApiKey;

import java.time.Duration;
import java.time.Instant;

/**
 * How a key's expiry and a rotation in flight read in the keys tables and the command line: "never",
 * "in 12 d", "expired"; "rotating: old value stops in 5 h". The server's fields are shown as they are: an
 * expiry in the past reads "expired" even before the next list says so.
 */
public final class LifecycleText {
    /** A key that expires within this is flagged as expiring soon ("expires within 14 days"). */
    public static final Duration SOON = Duration.ofDays(14);
    private static final String STOPPED = "stopped";

    private LifecycleText() {
    }

    /** "never", "expired", "in 40 min", "in 5 h", "in 12 d". */
    public static String expires(ApiKey key, Instant now) {
        if (key.expiresAt() == null) {
            return "never";
        }
        if (key.isExpiredAt(now)) {
            return "expired";
        }
        return "in " + span(Duration.between(now, key.expiresAt()));
    }

    /** Whether the key expires (and has not yet) within {@code window} of {@code now}. */
    public static boolean expiresWithin(ApiKey key, Instant now, Duration window) {
        return key.expiresAt() != null && !key.isExpiredAt(now) && !key.expiresAt().isAfter(now.plus(window));
    }

    /** "rotating: old value stops in 5 h", "rotating: old value stopped", or null when no rotation is in flight. */
    public static String rotation(ApiKey key, Instant now) {
        String stops = oldValueStops(key, now);
        return stops == null ? null : "rotating: old value " + (stops.equals(STOPPED) ? STOPPED : "stops " + stops);
    }

    /** When a rotation in flight stops the old value: "in 5 h", "stopped", or null when none is in flight. */
    public static String oldValueStops(ApiKey key, Instant now) {
        if (!key.isRotationPending()) {
            return null;
        }
        return now.isBefore(key.rotatesAt()) ? "in " + span(Duration.between(now, key.rotatesAt())) : STOPPED;
    }

    /**
     * "40 min", "5 h", "12 d", to the nearest unit (a 24-hour grace read a second later is still "24 h", not
     * "23 h"), never "0" for a time still ahead.
     */
    public static String span(Duration ahead) {
        long seconds = Math.max(0, ahead.toSeconds());
        if (seconds < 59 * 60 + 30) {
            return Math.max(1, Math.round(seconds / 60.0)) + " min";
        }
        if (seconds < 47 * 3600 + 1800) {
            return Math.round(seconds / 3600.0) + " h";
        }
        return Math.round(seconds / 86400.0) + " d";
    }
}
