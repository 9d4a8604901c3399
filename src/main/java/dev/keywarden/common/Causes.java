package dev.keywarden.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The failure itself, without the wrappers that futures and executors put around it. */
public final class Causes {
    private Causes() {
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof ExecutionException || current instanceof CompletionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
