package dev.keywarden.ui.keys;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Delay;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.keys.KeyCalls;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.KeyStore;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Watches keys whose old value is draining after a rotation with grace: once a {@link #ROUND} (through {@link Delay},
 * no thread waits) it reads each of them again, so their <i>last used</i> keeps showing whether services still call with
 * the old value, re-reads what the connection's own key was told ({@code Sunset}), and ticks, so the views redraw the
 * countdown. A key leaves the watch once its rotation has ended (read once more after {@code rotatesAt}); the watch
 * ends with the connection.
 */
public final class DrainWatch {
    public static final Duration ROUND = Duration.ofMinutes(1);
    public static final String READ_TAG = "key.drain.read";

    private final ConnectionSession session;
    private final KeyStore store;
    private final TaskRunner runner;
    private final Delay delay;
    private final Clock clock;
    private final Set<KeyRef> watched = new LinkedHashSet<>();
    private final ReadOnlyLongWrapper ticks = new ReadOnlyLongWrapper(this, "ticks");
    private Generation.Token rounds;

    public DrainWatch(ConnectionSession session, KeyStore store, TaskRunner runner, Delay delay, Clock clock) {
        this.session = session;
        this.store = store;
        this.runner = runner;
        this.delay = delay;
        this.clock = clock;
        session.apiProperty().addListener((obs, before, now) -> watched.clear());
    }

    /** Watches the key while its rotation is in flight; starts the rounds when none are running. */
    public void watch(KeyRef ref) {
        watched.add(ref);
        if (rounds == null || !rounds.isCurrent()) {
            rounds = session.token();
            next(rounds);
        }
    }

    private void next(Generation.Token connection) {
        delay.after(ROUND, () -> round(connection));
    }

    private void round(Generation.Token connection) {
        ConfidentApi api = session.api();
        if (!connection.isCurrent() || api == null) {
            watched.clear();
            return;
        }
        session.keyLifecycle().refreshWarning();
        ticks.set(ticks.get() + 1);
        for (KeyRef ref : Set.copyOf(watched)) {
            KeyRow row = store.find(ref).orElse(null);
            if (row == null) {
                watched.remove(ref);
            } else if (row.isIdle()) {
                read(api, row, connection);
            }
        }
        if (!watched.isEmpty()) {
            next(connection);
        }
    }

    private void read(ConfidentApi api, KeyRow row, Generation.Token connection) {
        long askedAt = store.stamp();
        boolean ended = !row.key().isRotationPending() || !clock.instant().isBefore(row.key().rotatesAt());
        if (ended) {
            // One last read shows what the server has after the rotation's end; then the key leaves the watch.
            watched.remove(row.ref());
        }
        BackgroundCall.of("Reading key " + KeyNames.label(row.key()) + " (rotation under way)", () -> KeyCalls.of(api).read(row.ref()))
                .tag(READ_TAG)
                .onSuccess(key -> {
                    if (connection.isCurrent()) {
                        session.heard(connection, null);
                        store.read(row.entry().with(key), askedAt);
                    }
                })
                .onFailure(error -> session.heard(connection, error))
                .runWith(runner);
    }

    /** The keys watched now. */
    public Set<KeyRef> watched() {
        return Set.copyOf(watched);
    }

    /** Counts the rounds: the views redraw the countdown on each. */
    public ReadOnlyLongProperty ticksProperty() {
        return ticks.getReadOnlyProperty();
    }
}
