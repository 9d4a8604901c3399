package dev.keywarden.core.audit;

import dev.keywarden.common.Causes;
import dev.keywarden.api.ApiException;


/** A failure in one plain sentence: the gateway's summary, else the message. */
final class PlainWords {
    private PlainWords() {
    }

    static String of(Throwable error) {
        Throwable current = Causes.unwrap(error);
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
