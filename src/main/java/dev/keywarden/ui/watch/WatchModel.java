package dev.keywarden.ui.watch;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Delay;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.core.watch.KeyWatch;
import dev.keywarden.core.watch.WatchUpdate;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.store.KeyStore;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Watches chosen keys: each is read again every {@code interval} ({@link KeyWatch}, with its backoff on
 * errors), through the same task runner as every other call (the status bar shows the reads, Esc stops the
 * watch, the header follows their outcome), and each read goes to the key store. The latest read of each is
 * listed; a key whose last use changed while watched stays marked, so the admin sees it is in use (or, after
 * switching it off, that it stopped). Stops when asked, when the connection changes (its rows go), on Esc,
 * and when the view closes.
 */
public final class WatchModel {
    public static final Duration INTERVAL = KeyWatch.DEFAULT_INTERVAL;
    public static final String READ_TAG = "watch.read";

    private final ConnectionSession session;
    private final TaskRunner runner;
    private final KeyStore store;
    private final Delay delay;
    private final Clock clock;
    private final Duration interval;
    private final ObservableList<WatchUpdate> rows = FXCollections.observableArrayList();
    private final ObservableList<WatchUpdate> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObservableSet<KeyRef> usedWhileWatched = FXCollections.observableSet(new HashSet<>());
    private final ObservableSet<KeyRef> readOnlyUsed = FXCollections.unmodifiableObservableSet(usedWhileWatched);
    private final ReadOnlyBooleanWrapper watching = new ReadOnlyBooleanWrapper(this, "watching");
    private final ReadOnlyStringWrapper stopped = new ReadOnlyStringWrapper(this, "stopped");
    private final Generation watches = new Generation();
    private KeyWatch watch;
    private ConfidentApi api;

    public WatchModel(ConnectionSession session, TaskRunner runner, KeyStore store, Delay delay, Clock clock, Duration interval) {
        this.session = session;
        this.runner = runner;
        this.store = store;
        this.delay = delay;
        this.clock = clock;
        this.interval = interval;
        session.apiProperty().addListener((obs, before, now) -> clear());
    }

    /** Watches these keys instead of any watched before; the first read of each starts now. */
    public void watch(Collection<KeyEntry> keys) {
        stop();
        ConfidentApi target = session.api();
        if (target == null || keys.isEmpty()) {
            return;
        }
        watches.next();
        api = target;
        List<KeyEntry> chosen = List.copyOf(keys);
        rows.setAll(chosen.stream().map(entry -> new WatchUpdate(entry, null, false, null, false, null, 0)).toList());
        usedWhileWatched.clear();
        stopped.set(null);
        watch = new KeyWatch(chosen, interval, clock);
        watching.set(true);
        readDue();
    }

    /** Reads the keys that are due, then looks again when the next one is. */
    void readDue() {
        if (watch == null) {
            return;
        }
        Generation.Token token = watches.current();
        Generation.Token connection = session.token();
        KeyWatch current = watch;
        for (KeyEntry key : current.due()) {
            read(current, key, token, connection);
        }
        lookAgain(current, token);
    }

    private void read(KeyWatch current, KeyEntry key, Generation.Token token, Generation.Token connection) {
        long askedAt = store.stamp();
        boolean[] answered = new boolean[1];
        BackgroundCall.of("Watching key " + KeyNames.label(key.key()), () -> KeyWatch.read(api, key.ref()))
                .tag(READ_TAG)
                .onSuccess(now -> {
                    answered[0] = true;
                    if (token.isCurrent() && connection.isCurrent()) {
                        session.heard(connection, null);
                        store.read(key.with(now), askedAt);
                        current.answered(key.ref(), now).ifPresent(this::show);
                        lookAgain(current, token);
                    }
                })
                .onFailure(error -> {
                    answered[0] = true;
                    if (token.isCurrent() && connection.isCurrent()) {
                        session.heard(connection, error);
                        current.failed(key.ref(), error instanceof Exception e ? e : new IllegalStateException(error)).ifPresent(this::show);
                        lookAgain(current, token);
                    }
                })
                .onFinally(() -> {
                    if (!answered[0] && token.isCurrent()) {
                        current.notRead(key.ref());
                        stop();
                        stopped.set("The watch stopped: its reads were cancelled. Press Watch selected to watch again.");
                    }
                })
                .runWith(runner);
    }

    /** Asks the timer to come back when the next key is due. */
    private void lookAgain(KeyWatch current, Generation.Token token) {
        Optional<Duration> next = current.untilNext();
        next.ifPresent(wait -> delay.after(wait, () -> {
            if (token.isCurrent()) {
                readDue();
            }
        }));
    }

    private void show(WatchUpdate update) {
        KeyRef ref = update.entry().ref();
        if (update.lastUsedChanged() && update.error() == null) {
            usedWhileWatched.add(ref);
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).entry().ref().equals(ref)) {
                rows.set(i, update);
                return;
            }
        }
    }

    /** Stops reading; what was read stays listed. */
    public void stop() {
        watches.invalidate();
        watch = null;
        api = null;
        watching.set(false);
    }

    /** Another connection: nothing of the previous organisation's watch stays. */
    private void clear() {
        stop();
        rows.clear();
        usedWhileWatched.clear();
        stopped.set(null);
    }

    /** Whether the key is active as the store has it now (the watched row shows the store's state, as every table). */
    public Optional<Boolean> isActive(KeyRef ref) {
        return store.find(ref).map(row -> row.key().valid());
    }

    /** The latest read of each watched key, in the order chosen. */
    public ObservableList<WatchUpdate> rows() {
        return readOnlyRows;
    }

    /** Keys whose last use changed while watched. */
    public ObservableSet<KeyRef> usedWhileWatched() {
        return readOnlyUsed;
    }

    public ReadOnlyBooleanProperty watchingProperty() {
        return watching.getReadOnlyProperty();
    }

    /** Why the watch stopped by itself (its reads were cancelled), or null. */
    public ReadOnlyStringProperty stoppedProperty() {
        return stopped.getReadOnlyProperty();
    }

    public Duration interval() {
        return interval;
    }
}
