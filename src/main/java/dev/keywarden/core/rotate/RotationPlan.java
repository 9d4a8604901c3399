package dev.keywarden.core.rotate;

import dev.keywarden.core.PlainWords;
import dev.keywarden.core.TimeText;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Rotation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What rotating one key will do, in words, before it is sent: when the services using the old value stop
 * working, what happens to the expiry; or why the server would refuse it (a rotation already in flight, an
 * expired key without a new lifetime). Shared by the console's Rotate… dialog and {@code keys rotate}.
 */
public record RotationPlan(KeyEntry entry, Rotation rotation, Instant now, ZoneId zone) {

    /** Why this rotation cannot be sent as it is, in plain words; null when it can. */
    public String refusal() {
        ApiKey key = entry.key();
        if (key.isRotationPending() && now.isBefore(key.rotatesAt())) {
            return "A rotation of " + label() + " is already in flight: its old value stops at " + time(key.rotatesAt())
                    + ". Rotate it again after that.";
        }
        if (key.isExpiredAt(now)) {
            if (rotation.keepsExpiry()) {
                return label() + " has expired: rotating it needs a new lifetime (days, or never).";
            }
            if (rotation.gracePeriodInHours() > 0) {
                return label() + " has expired, so its old value cannot be given a grace period: choose none.";
            }
        }
        return null;
    }

    /** The plan in sentences: the old value, the new value, the expiry, and a deactivated key's state. */
    public List<String> sentences() {
        ApiKey key = entry.key();
        List<String> lines = new ArrayList<>();
        Instant stops = oldValueStops();
        if (stops == null) {
            lines.add("The old value (ending " + key.suffix() + ") stops working at once: every service still using it is refused "
                    + "from now on.");
        } else {
            lines.add("The old value (ending " + key.suffix() + ") keeps working for " + LifecycleText.span(Duration.between(now, stops))
                    + ", until " + time(stops) + ": move every service to the new value before then.");
        }
        lines.add("The new value is shown once, when the server answers; copy it then. The key keeps its id, name and history.");
        lines.add(expiry());
        if (!key.valid()) {
            lines.add("The key is deactivated and stays so: the new value works only once it is activated.");
        }
        return lines;
    }

    /** When the old value stops with this rotation: null for at once; never past the expiry the key will have. */
    public Instant oldValueStops() {
        if (rotation.gracePeriodInHours() == 0) {
            return null;
        }
        Instant stops = now.plus(Duration.ofHours(rotation.gracePeriodInHours()));
        Instant expires = expiresAfter();
        return expires != null && stops.isAfter(expires) ? expires : stops;
    }

    /** The key's expiry after the rotation: kept, set from now, or none. */
    public Instant expiresAfter() {
        if (rotation.keepsExpiry()) {
            return entry.key().expiresAt();
        }
        return rotation.newLifetime().isNever() ? null : now.plus(Duration.ofDays(rotation.newLifetime().days()));
    }

    private String expiry() {
        Instant before = entry.key().expiresAt();
        if (rotation.keepsExpiry()) {
            return before == null ? "The key still never expires." : "The key still expires at " + time(before) + ".";
        }
        if (rotation.newLifetime().isNever()) {
            return before == null ? "The key still never expires." : "The key no longer expires (it was to expire at " + time(before) + ").";
        }
        return "The key expires " + rotation.newLifetime().days() + " days from now, at " + time(expiresAfter()) + ".";
    }

    private String label() {
        String name = entry.key().name() == null || entry.key().name().isBlank() ? "Key " + entry.key().id() : entry.key().name();
        return "\"" + PlainWords.shown(name) + "\" (…" + entry.suffix() + ")";
    }

    private String time(Instant time) {
        return TimeText.date(time, zone) + " " + TimeText.zoneName(zone);
    }
}
