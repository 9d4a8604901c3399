package dev.keywarden.ui.store;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyObjectPropertyBase;

/**
 * One key of the organisation in the {@link KeyStore}, the only place the console holds a key's state: a
 * project's key or an organisation key, named by its reference. {@code key} is only ever what the server
 * answered (masked); {@code state} says whether anything is under way for it. The same row object is shown
 * by every table that lists the key, so they cannot disagree. Only the store changes it.
 */
public final class KeyRow {
    private static final ReadOnlyStringProperty ORGANISATION_LABEL =
            new ReadOnlyStringWrapper(KeyKind.ORGANISATION.label()).getReadOnlyProperty();
    private final KeyRef ref;
    private final Owner owner;
    private final Shown<ApiKey> key;
    private RowState state = RowState.IDLE;
    /** Made when first asked for (a cell shows the row): most of 50,000 rows never are, and stay idle. */
    private Shown<RowState> stateShown;
    private final int serial;
    /** The store's stamp when an answer about this key last landed; a list asked for before it may be stale. */
    long changedAt;
    /**
     * Where the row is in the store's list ({@link KeyRowList} keeps it), -1 when not in it: a changed row is told
     * without a search.
     */
    int place = -1;

    KeyRow(KeyRef ref, Owner owner, ApiKey key, int serial) {
        this.serial = serial;
        this.ref = ref;
        this.owner = owner;
        this.key = new Shown<>(this, "key", key.masked());
    }

    /**
     * A small number the store gives each row it makes, from 0, never the same for two of its rows at once: an index
     * into tables kept beside the rows (the all-keys filter's verdicts), cheaper than a map over 50,000 of them. A
     * table must check that the row it finds there is this one: a number may be given again after the store forgot
     * every row.
     */
    public int serial() {
        return serial;
    }

    public KeyRef ref() {
        return ref;
    }

    public KeyKind kind() {
        return ref.kind();
    }

    /** The project the key belongs to; null for an organisation key. */
    public String projectId() {
        return ref.projectId();
    }

    public boolean isOrganizationKey() {
        return ref.isOrganisationKey();
    }

    public long id() {
        return ref.keyId();
    }

    /** The project's name, or "Organisation" for an organisation key: what a project column shows. */
    public String ownerLabel() {
        return ownerLabelProperty().get();
    }

    /** {@link #ownerLabel()}, followed through the project's renames. */
    public ReadOnlyStringProperty ownerLabelProperty() {
        return owner == null ? ORGANISATION_LABEL : owner.nameProperty();
    }

    public ReadOnlyObjectProperty<ApiKey> keyProperty() {
        return key;
    }

    public ApiKey key() {
        return key.get();
    }

    public ReadOnlyObjectProperty<RowState> stateProperty() {
        if (stateShown == null) {
            stateShown = new Shown<>(this, "state", state);
        }
        return stateShown;
    }

    public RowState state() {
        return state;
    }

    public boolean isIdle() {
        return state.isIdle();
    }

    /** The key as the server last answered it, with its project. */
    public KeyEntry entry() {
        return new KeyEntry(ref.kind(), ref.projectId(), owner == null ? null : owner.name(), key.get());
    }

    /** Shows the server's answer; whether it changed what the row shows. */
    boolean show(ApiKey answer) {
        ApiKey masked = answer.masked();
        if (masked.equals(key.get())) {
            return false;
        }
        key.set(masked);
        return true;
    }

    void mark(RowState now) {
        state = now;
        if (stateShown != null) {
            stateShown.set(now);
        }
    }

    @Override
    public String toString() {
        return "KeyRow[" + ref + "]";
    }

    /**
     * A value the row shows, read-only outside the row: half the size of a {@code ReadOnlyObjectWrapper}, a cost
     * each of 50,000 rows pays and each young collection copies while keys load.
     */
    private static final class Shown<T> extends ReadOnlyObjectPropertyBase<T> {
        private final KeyRow row;
        private final String name;
        private T value;

        Shown(KeyRow row, String name, T value) {
            this.row = row;
            this.name = name;
            this.value = value;
        }

        @Override
        public T get() {
            return value;
        }

        void set(T now) {
            value = now;
            fireValueChangedEvent();
        }

        @Override
        public Object getBean() {
            return row;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
