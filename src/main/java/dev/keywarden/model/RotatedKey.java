package dev.keywarden.model;

import java.util.Objects;

/**
 * The answer to a v2 rotation: the key as the server now has it, both values masked, and the new raw value,
 * which no other answer will ever show. Rotated immediately, {@code key.value()} ends like {@code newValue};
 * with a grace period, {@code key.shadowValue()} does, and the old value keeps working until
 * {@code key.rotatesAt()}.
 */
public record RotatedKey(ApiKey key, String newValue) {

    public RotatedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(newValue, "newValue");
        key = key.masked();
    }

    /** Whether the old value still works beside the new one until {@code key().rotatesAt()}. */
    public boolean isPending() {
        return key.isRotationPending();
    }

    /** Never prints the new value. */
    @Override
    public String toString() {
        return "RotatedKey[key=" + key + ", newValue=" + ApiKey.mask(newValue) + "]";
    }
}
