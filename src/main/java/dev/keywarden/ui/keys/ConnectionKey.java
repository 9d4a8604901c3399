package dev.keywarden.ui.keys;

import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.KeyStore;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;

import java.util.List;

/**
 * Follows which organisation key the open connection uses ({@link KeyInUse}) as the organisation keys in
 * the store change: what the lock-out guard of the keys actions, the organisation keys' mark and the bulk
 * plans ask.
 */
public final class ConnectionKey {
    private final ConnectionSession session;
    private final KeyStore store;
    private final ReadOnlyObjectWrapper<KeyInUse> keyInUse = new ReadOnlyObjectWrapper<>(this, "keyInUse", new KeyInUse(null, null, 0));

    public ConnectionKey(ConnectionSession session, KeyStore store) {
        this.session = session;
        this.store = store;
        store.organisationRows().addListener((ListChangeListener<KeyRow>) change -> update());
        session.apiProperty().addListener((obs, before, now) -> update());
    }

    private void update() {
        String suffix = session.keySuffix();
        List<KeyRow> matching = suffix == null ? List.of()
                : store.organisationRows().stream().filter(row -> row.key().suffix().equals(suffix)).toList();
        KeyInUse now = new KeyInUse(suffix, matching.size() == 1 ? matching.get(0) : null, matching.size());
        if (!now.equals(keyInUse.get())) {
            keyInUse.set(now);
        }
    }

    public ReadOnlyObjectProperty<KeyInUse> keyInUseProperty() {
        return keyInUse.getReadOnlyProperty();
    }

    public KeyInUse keyInUse() {
        return keyInUse.get();
    }

    /** The last six characters of the connection's key, or null when not known. */
    public String suffix() {
        return session.keySuffix();
    }

    /** Whether changing this row may lock the connection out. */
    public boolean mayBe(KeyRow row) {
        return keyInUse.get().mayBe(row);
    }
}
