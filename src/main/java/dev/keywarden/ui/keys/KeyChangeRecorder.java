package dev.keywarden.ui.keys;

import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;

import java.util.function.Consumer;

/**
 * Told of every single change the keys commands send (for the audit trail), so that this package
 * needs no knowledge of where it is recorded. Called on the FX thread.
 */
@FunctionalInterface
public interface KeyChangeRecorder {
    KeyChangeRecorder NONE = (key, action) -> error -> { };

    /** A change is being sent; the callback returned is given its failure, or null once the server made it. */
    Consumer<Throwable> sending(KeyEntry key, KeyAction action);
}
