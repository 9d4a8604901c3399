package dev.keywarden.core.rotate;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.KeyLifecycleApi;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.RotatedKey;
import dev.keywarden.model.Rotation;
import dev.keywarden.model.KeyLifetime;

import java.util.Objects;

/**
 * The one way to rotate a key or create one with a lifetime, used by the console and the command line. Blocking,
 * for a background thread. A rotation is a POST and never retried; when its answer is lost the key is read again
 * to say what the server has: rotated (and the new value lost for good), or not known.
 */
public final class KeyRotations {
    private KeyRotations() {
    }

    public static RotationResult rotate(KeyLifecycleApi v2, KeyEntry entry, Rotation rotation) {
        KeyRef ref = entry.ref();
        try {
            RotatedKey rotated = ref.isOrganisationKey() ? v2.rotateOrganizationApiKey(ref.keyId(), rotation)
                    : v2.rotateApiKey(ref.projectId(), ref.keyId(), rotation);
            return RotationResult.rotated(entry, rotation, rotated.key(), rotated.newValue());
        } catch (RuntimeException e) {
            if (!ApiException.outcomeUnknown(e)) {
                return RotationResult.failed(entry, rotation, e);
            }
            return readAgain(v2, entry, rotation, e);
        }
    }

    /** A key created with a lifetime ({@link KeyLifetime#NEVER} for none): the answer holds the raw value, once. */
    public static ApiKey create(KeyLifecycleApi v2, String projectId, String name, KeyLifetime lifetime) {
        return projectId == null ? v2.createOrganizationApiKey(name, lifetime) : v2.createApiKey(projectId, name, lifetime);
    }

    /**
     * For a rotation whose outcome is {@code UNKNOWN}, once the call deadline has passed (it can no longer land):
     * reads the key and settles it: {@code ROTATED_VALUE_LOST} (it landed), {@code FAILED} (it did not), or still
     * {@code UNKNOWN} (the read failed again). Any other result is returned as it is.
     */
    public static RotationResult settle(KeyLifecycleApi v2, RotationResult unknown) {
        if (unknown.outcome() != RotationResult.Outcome.UNKNOWN) {
            return unknown;
        }
        KeyEntry entry = unknown.entry();
        ApiKey now;
        try {
            now = read(v2, entry.ref());
        } catch (RuntimeException rereadError) {
            return RotationResult.stillUnknown(entry, unknown.rotation(), unknown.error(), rereadError);
        }
        return wasRotated(entry.key(), now) ? RotationResult.rotatedValueLost(entry, unknown.rotation(), now, unknown.error())
                : RotationResult.didNotLand(entry, unknown.rotation(), now, unknown.error());
    }

    /** A rotation that could not be started (the server's v2 could not be reached): {@code FAILED}, nothing was sent. */
    public static RotationResult failedToSend(KeyEntry entry, Rotation rotation, Exception why) {
        return RotationResult.failed(entry, rotation, why);
    }

    private static ApiKey read(KeyLifecycleApi v2, KeyRef ref) {
        return ref.isOrganisationKey() ? v2.getOrganizationApiKey(ref.keyId()) : v2.getApiKey(ref.projectId(), ref.keyId());
    }

    private static RotationResult readAgain(KeyLifecycleApi v2, KeyEntry entry, Rotation rotation, RuntimeException lost) {
        ApiKey now;
        try {
            now = read(v2, entry.ref());
        } catch (RuntimeException rereadError) {
            return RotationResult.unknown(entry, rotation, null, lost, "the key could not be read again");
        }
        return wasRotated(entry.key(), now) ? RotationResult.rotatedValueLost(entry, rotation, now, lost)
                : RotationResult.unknown(entry, rotation, now, lost, "reading the key again shows it unchanged, but the rotation may still land");
    }

    /** Whether the key as read now carries another value than before: a new current value or a new one in flight. */
    static boolean wasRotated(ApiKey before, ApiKey now) {
        return !Objects.equals(before.suffix(), now.suffix())
                || now.shadowValue() != null && !Objects.equals(before.shadowSuffix(), now.shadowSuffix())
                || !Objects.equals(before.rotatesAt(), now.rotatesAt());
    }
}
