package dev.keywarden.ui.keys;

import dev.keywarden.model.ApiKey;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Objects;

/**
 * One row of a keys table: a project's key, or an organisation key (no project id). {@code key} is only ever what the server answered (masked); {@code busy}
 * is true while a change to this key is in flight. Only the keys package changes it.
 */
public final class KeyRow {
    private final String projectId;
    private final long id;
    private final ReadOnlyObjectWrapper<ApiKey> key;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Boolean> requestedValid = new ReadOnlyObjectWrapper<>(this, "requestedValid");
    private final ReadOnlyBooleanWrapper unknown = new ReadOnlyBooleanWrapper(this, "unknown");

    public KeyRow(String projectId, ApiKey key) {
        this.projectId = projectId;
        this.id = key.id();
        this.key = new ReadOnlyObjectWrapper<>(this, "key", key.masked());
    }

    public static Observable[] observables(KeyRow row) {
        return new Observable[] {row.key, row.busy, row.requestedValid, row.unknown};
    }

    /** The project the key belongs to; null for an organisation key. */
    public String projectId() {
        return projectId;
    }

    public boolean isOrganizationKey() {
        return projectId == null;
    }

    public long id() {
        return id;
    }

    public ReadOnlyObjectProperty<ApiKey> keyProperty() {
        return key.getReadOnlyProperty();
    }

    public ApiKey key() {
        return key.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** The state a toggle in flight asks for, or null when none is in flight. */
    public ReadOnlyObjectProperty<Boolean> requestedValidProperty() {
        return requestedValid.getReadOnlyProperty();
    }

    /**
     * True while the answer to a change was lost and the key has not been read again: the row then
     * shows neither the old state nor the asked-for one, since the server may have either.
     */
    public ReadOnlyBooleanProperty unknownProperty() {
        return unknown.getReadOnlyProperty();
    }

    public boolean isUnknown() {
        return unknown.get();
    }

    public boolean sameKey(KeyRow other) {
        return Objects.equals(other.projectId, projectId) && other.id == id;
    }

    void show(ApiKey answer) {
        key.set(answer.masked());
        unknown.set(false);
    }

    void markUnknown() {
        unknown.set(true);
    }

    void startChange(Boolean requested) {
        busy.set(true);
        requestedValid.set(requested);
    }

    void settle() {
        requestedValid.set(null);
        busy.set(false);
    }

    @Override
    public String toString() {
        return "KeyRow[" + (projectId == null ? "org" : projectId) + "/" + id + "]";
    }
}
