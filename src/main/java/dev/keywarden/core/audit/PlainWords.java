package dev.keywarden.core.audit;

import dev.keywarden.api.ApiException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** A failure in one plain sentence: the gateway's summary, else the message. */
final class PlainWords {
    private PlainWords() {
    }

    static String of(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        if (current instanceof ApiException api) {
            return api.summary();
        }
        if (current == null) {
            return "an unknown error";
        }
        String message = current.getMessage();
        return message == null || message.isBlank() ? "an unexpected " + current.getClass().getSimpleName() : message;
    }
}
