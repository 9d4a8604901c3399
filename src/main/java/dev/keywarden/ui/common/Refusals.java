package dev.keywarden.ui.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Why an action was not done, in a short sentence for the status bar ("Key … is being deactivated: wait for
 * the server's answer."): a refused action says so instead of doing nothing silently.
 */
public final class Refusals {
    private final ReadOnlyStringWrapper latest = new ReadOnlyStringWrapper(this, "latest");

    public void refuse(String why) {
        latest.set(null);
        latest.set(why);
    }

    /** The latest refusal, or null. */
    public ReadOnlyStringProperty latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public String latest() {
        return latest.get();
    }
}
