package dev.keywarden.core.watch;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.common.DaemonThreads;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Re-reads each watched key every {@code interval} (15 s by default) and reports every read to the
 * listener, on the watch's own daemon threads: whether {@code lastUsed} changed and how long the key
 * has been quiet. A key whose read fails is read again after a pause that doubles with each failure
 * in a row, up to {@link #MAX_BACKOFF_FACTOR} times the interval; a key the server no longer has is
 * reported once and dropped. {@link #close()} stops it: reads in flight are cancelled and nothing is
 * reported after it returns.
 */
public final class KeyWatch implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
    public static final int MAX_BACKOFF_FACTOR = 16;
    private static final int MAX_THREADS = 4;

    private final ConfidentApi api;
    private final Duration interval;
    private final Clock clock;
    private final Consumer<? super WatchUpdate> listener;
    private final ScheduledExecutorService scheduler;
    private volatile boolean closed;

    private KeyWatch(ConfidentApi api, int keys, Duration interval, Clock clock, Consumer<? super WatchUpdate> listener) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The watch interval must be positive.");
        }
        this.api = api;
        this.interval = interval;
        this.clock = clock;
        this.listener = listener;
        this.scheduler = Executors.newScheduledThreadPool(Math.max(1, Math.min(MAX_THREADS, keys)), new DaemonThreads("keywarden-watch"));
    }

    /** Starts watching at once: the first read of every key happens now. */
    public static KeyWatch start(ConfidentApi api, Collection<KeyEntry> keys, Duration interval, Clock clock,
                                 Consumer<? super WatchUpdate> listener) {
        List<KeyEntry> watched = List.copyOf(keys);
        KeyWatch watch = new KeyWatch(api, watched.size(), interval, clock, listener);
        watched.forEach(entry -> watch.schedule(new Watched(entry), Duration.ZERO));
        return watch;
    }

    /** The pause before the next read after {@code failuresInARow} failed reads. */
    public static Duration pauseAfter(Duration interval, int failuresInARow) {
        int factor = 1 << Math.min(Math.max(failuresInARow, 0), Integer.numberOfTrailingZeros(MAX_BACKOFF_FACTOR));
        return interval.multipliedBy(factor);
    }

    private static final class Watched {
        KeyEntry entry;
        int failures;

        Watched(KeyEntry entry) {
            this.entry = entry;
        }
    }

    private void schedule(Watched key, Duration delay) {
        if (!closed) {
            try {
                scheduler.schedule(() -> read(key), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // Closed meanwhile.
            }
        }
    }

    private void read(Watched key) {
        if (closed) {
            return;
        }
        KeyRef ref = key.entry.ref();
        WatchUpdate update;
        try {
            ApiKey now = ref.isOrganisationKey() ? api.getOrganizationApiKey(ref.keyId()) : api.getApiKey(ref.projectId(), ref.keyId());
            boolean changed = !Objects.equals(now.lastUsed(), key.entry.key().lastUsed());
            key.entry = key.entry.with(now);
            key.failures = 0;
            Instant checkedAt = clock.instant();
            update = new WatchUpdate(key.entry, checkedAt, changed, quietFor(now.lastUsed(), checkedAt), false, null, 0);
        } catch (NotFoundException gone) {
            report(new WatchUpdate(key.entry, clock.instant(), false, quietFor(key.entry.key().lastUsed(), clock.instant()), true, gone,
                    key.failures + 1));
            return;
        } catch (Exception e) {
            key.failures++;
            update = new WatchUpdate(key.entry, clock.instant(), false, quietFor(key.entry.key().lastUsed(), clock.instant()), false, e,
                    key.failures);
        }
        report(update);
        schedule(key, pauseAfter(interval, key.failures));
    }

    private static Duration quietFor(Instant lastUsed, Instant now) {
        if (lastUsed == null) {
            return null;
        }
        Duration quiet = Duration.between(lastUsed, now);
        return quiet.isNegative() ? Duration.ZERO : quiet;
    }

    /** Under the lock {@link #close()} takes, so that nothing is reported once it has returned; listeners should be quick. */
    private synchronized void report(WatchUpdate update) {
        if (closed) {
            return;
        }
        try {
            listener.accept(update);
        } catch (RuntimeException ignored) {
            // A listener's mistake must not end the watch.
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops every read (those in flight are interrupted); returns without waiting for them. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        scheduler.shutdownNow();
    }

    /** For tests and orderly shutdown: waits until the watch's threads have ended. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return scheduler.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
