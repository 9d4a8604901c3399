package dev.keywarden.ui.main;

import dev.keywarden.model.ApiKey;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One row of the keys table. {@code key} is only ever what the server answered; {@code busy} is
 * true while a change to this key is in flight.
 */
public final class KeyRow {
    private final String projectId;
    private final long id;
    private final ObjectProperty<ApiKey> key;
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObjectProperty<Boolean> requestedValid = new SimpleObjectProperty<>(this, "requestedValid");

    public KeyRow(String projectId, ApiKey key) {
        this.projectId = projectId;
        this.id = key.id();
        this.key = new SimpleObjectProperty<>(this, "key", key.masked());
    }

    public static Observable[] observables(KeyRow row) {
        return new Observable[] {row.key, row.busy, row.requestedValid};
    }

    public String projectId() {
        return projectId;
    }

    public long id() {
        return id;
    }

    public ObjectProperty<ApiKey> keyProperty() {
        return key;
    }

    public ApiKey key() {
        return key.get();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** The state a toggle in flight asks for, or null when none is in flight. */
    public ObjectProperty<Boolean> requestedValidProperty() {
        return requestedValid;
    }

    public boolean sameKey(KeyRow other) {
        return other.projectId.equals(projectId) && other.id == id;
    }

    @Override
    public String toString() {
        return "KeyRow[" + projectId + "/" + id + "]";
    }
}
