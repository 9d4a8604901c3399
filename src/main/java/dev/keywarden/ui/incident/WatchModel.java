package dev.keywarden.ui.incident;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.Generation;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.core.watch.KeyWatch;
import dev.keywarden.core.watch.WatchUpdate;
import dev.keywarden.ui.connection.ConnectionSession;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Watches chosen keys: each is read again every {@code interval} ({@link KeyWatch}, with its backoff on
 * errors), and the latest read of each is listed. A key whose last use changed while watched stays
 * marked, so the admin sees it is in use (or, after switching it off, that it stopped). Stops when
 * asked, when the connection changes, and when the view closes.
 */
public final class WatchModel {
    public static final Duration INTERVAL = KeyWatch.DEFAULT_INTERVAL;

    private final ConnectionSession session;
    private final Executor fx;
    private final Clock clock;
    private final Duration interval;
    private final ObservableList<WatchUpdate> rows = FXCollections.observableArrayList();
    private final ObservableSet<KeyRef> usedWhileWatched = FXCollections.observableSet(new HashSet<>());
    private final ReadOnlyBooleanWrapper watching = new ReadOnlyBooleanWrapper(this, "watching");
    private final Generation watches = new Generation();
    private KeyWatch watch;

    public WatchModel(ConnectionSession session, Executor fx, Clock clock, Duration interval) {
        this.session = session;
        this.fx = fx;
        this.clock = clock;
        this.interval = interval;
        session.apiProperty().addListener((obs, before, now) -> stop());
    }

    /** Watches these keys instead of any watched before; the first read of each happens now. */
    public void watch(Collection<KeyEntry> keys) {
        stop();
        ConfidentApi api = session.api();
        if (api == null || keys.isEmpty()) {
            return;
        }
        Generation.Token token = watches.next();
        List<KeyEntry> chosen = List.copyOf(keys);
        rows.setAll(chosen.stream().map(entry -> new WatchUpdate(entry, null, false, null, false, null, 0)).toList());
        watching.set(true);
        watch = KeyWatch.start(api, chosen, interval, clock, update -> fx.execute(() -> {
            if (token.isCurrent()) {
                show(update);
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
        if (watch != null) {
            watch.close();
            watch = null;
        }
        watching.set(false);
    }

    /** For tests: the watch in use, or null. */
    KeyWatch current() {
        return watch;
    }

    /** The latest read of each watched key, in the order chosen. */
    public ObservableList<WatchUpdate> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** Keys whose last use changed while watched. */
    public ObservableSet<KeyRef> usedWhileWatched() {
        return FXCollections.unmodifiableObservableSet(usedWhileWatched);
    }

    public ReadOnlyBooleanProperty watchingProperty() {
        return watching.getReadOnlyProperty();
    }

    public Duration interval() {
        return interval;
    }
}
