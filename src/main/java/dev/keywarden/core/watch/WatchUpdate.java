package dev.keywarden.core.watch;

import dev.keywarden.core.keys.KeyEntry;

import java.time.Duration;
import java.time.Instant;

/**
 * One re-read of a watched key.
 *
 * @param entry           the key as last read (as given when the read failed)
 * @param checkedAt       when this read ended
 * @param lastUsedChanged whether {@code lastUsed} differs from the read before (or from the key as given, for the first)
 * @param quietFor        how long since its last use, as of {@code checkedAt}; null when never used
 * @param gone            the server no longer has the key: it is no longer watched
 * @param error           why this read failed, or null; the key is read again after a longer pause
 * @param failuresInARow  reads of this key that failed in a row, this one included (0 after a success)
 */
public record WatchUpdate(KeyEntry entry, Instant checkedAt, boolean lastUsedChanged, Duration quietFor, boolean gone,
                          Exception error, int failuresInARow) {

    public Instant lastUsed() {
        return entry.key().lastUsed();
    }

    public boolean failed() {
        return error != null;
    }
}
