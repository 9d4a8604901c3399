package dev.keywarden.ui.keys;

import java.util.concurrent.CompletionStage;

/**
 * Moves the open connection to a new value of its own organisation key, after that key was rotated: saves it where
 * the connection's key is kept, checks it with {@code GET /v1/organization} on a new gateway, and opens the connection
 * again with it. Implemented where connections are saved ({@code ui.app}); the raw value is passed on, never kept.
 */
public interface OwnKeyUpdate {
    OwnKeyUpdate NONE = new OwnKeyUpdate() {
        @Override
        public String cannotUpdate() {
            return "This connection's key is not saved by Keywarden.";
        }

        @Override
        public CompletionStage<String> update(String newValue) {
            throw new IllegalStateException(cannotUpdate());
        }
    };

    /** Why the open connection's key cannot be updated here (e.g. it comes from the environment), or null when it can. */
    String cannotUpdate();

    /** Saves and checks the new value; the stage completes on the FX thread with what happened, in plain words. */
    CompletionStage<String> update(String newValue);
}
