package dev.keywarden.core.watch;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.common.Causes;
import dev.keywarden.core.keys.KeyCalls;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When to read each watched key again, and what each read means: whether {@code lastUsed} changed and how
 * long the key has been quiet. Every key is read at once, then every {@code interval} (15 s by default); a
 * key whose read fails is read again after a pause that doubles with each failure in a row, up to
 * {@link #MAX_BACKOFF_FACTOR} times the interval; a key the server no longer has is reported once and
 * dropped. It holds no thread: the caller runs the reads ({@link #read}) through its own task runner when
 * {@link #due()} says so, and asks {@link #untilNext()} when to look again. Confined to one thread.
 */
public final class KeyWatch {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
    public static final int MAX_BACKOFF_FACTOR = 16;

    private final Duration interval;
    private final Clock clock;
    private final Map<KeyRef, Watched> watched = new LinkedHashMap<>();

    private static final class Watched {
        KeyEntry entry;
        int failures;
        Instant next;
        boolean reading;

        Watched(KeyEntry entry, Instant next) {
            this.entry = entry;
            this.next = next;
        }
    }

    public KeyWatch(Collection<KeyEntry> keys, Duration interval, Clock clock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The watch interval must be positive.");
        }
        this.interval = interval;
        this.clock = clock;
        Instant now = clock.instant();
        keys.forEach(entry -> watched.put(entry.ref(), new Watched(entry, now)));
    }

    /** The pause before the next read after {@code failuresInARow} failed reads. */
    public static Duration pauseAfter(Duration interval, int failuresInARow) {
        int factor = 1 << Math.min(Math.max(failuresInARow, 0), Integer.numberOfTrailingZeros(MAX_BACKOFF_FACTOR));
        return interval.multipliedBy(factor);
    }

    /** The keys to read now (not being read already), each as last read; they count as being read until answered. */
    public List<KeyEntry> due() {
        Instant now = clock.instant();
        List<KeyEntry> due = new ArrayList<>();
        for (Watched key : watched.values()) {
            if (!key.reading && !key.next.isAfter(now)) {
                key.reading = true;
                due.add(key.entry);
            }
        }
        return due;
    }

    /** One read of a key, blocking (for a background thread). */
    public static ApiKey read(ConfidentApi api, KeyRef ref) {
        return KeyCalls.of(api).read(ref);
    }

    /** The server answered a read: whether the last use changed since the read before, and when to read it next. */
    public Optional<WatchUpdate> answered(KeyRef ref, ApiKey now) {
        Watched key = watched.get(ref);
        if (key == null) {
            return Optional.empty();
        }
        boolean changed = !Objects.equals(now.lastUsed(), key.entry.key().lastUsed());
        key.entry = key.entry.with(now);
        key.failures = 0;
        Instant checkedAt = clock.instant();
        scheduleNext(key, checkedAt);
        return Optional.of(new WatchUpdate(key.entry, checkedAt, changed, quietFor(now.lastUsed(), checkedAt), false, null, 0));
    }

    /** A read failed: read again after a longer pause, or, when the server no longer has the key, not at all. */
    public Optional<WatchUpdate> failed(KeyRef ref, Exception error) {
        Watched key = watched.get(ref);
        if (key == null) {
            return Optional.empty();
        }
        Instant checkedAt = clock.instant();
        boolean gone = Causes.unwrap(error) instanceof NotFoundException;
        key.failures++;
        if (gone) {
            watched.remove(ref);
        } else {
            scheduleNext(key, checkedAt);
        }
        return Optional.of(new WatchUpdate(key.entry, checkedAt, false, quietFor(key.entry.key().lastUsed(), checkedAt), gone, error,
                key.failures));
    }

    /** A read that did not happen (stopped): the key is due again at once. */
    public void notRead(KeyRef ref) {
        Watched key = watched.get(ref);
        if (key != null) {
            key.reading = false;
        }
    }

    /** How long until the next key is due (zero when one is due now); empty when nothing is watched or every key is being read. */
    public Optional<Duration> untilNext() {
        Instant now = clock.instant();
        return watched.values().stream().filter(key -> !key.reading).map(key -> key.next).min(Instant::compareTo)
                .map(next -> next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO);
    }

    /** The keys still watched (a key the server no longer has is not). */
    public List<KeyRef> keys() {
        return List.copyOf(watched.keySet());
    }

    private void scheduleNext(Watched key, Instant from) {
        key.reading = false;
        key.next = from.plus(pauseAfter(interval, key.failures));
    }

    private static Duration quietFor(Instant lastUsed, Instant now) {
        if (lastUsed == null) {
            return null;
        }
        Duration quiet = Duration.between(lastUsed, now);
        return quiet.isNegative() ? Duration.ZERO : quiet;
    }
}
