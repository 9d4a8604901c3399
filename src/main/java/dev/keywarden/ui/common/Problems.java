package dev.keywarden.ui.common;

import dev.keywarden.common.Causes;
import dev.keywarden.api.ApiException;


/** Turns a failure into the sentence shown to the admin, and the technical detail shown on demand. */
public final class Problems {
    private Problems() {
    }

    /** Plain words first: no Java class names, no raw network text. */
    public static String inPlainWords(Throwable error) {
        Throwable cause = Causes.unwrap(error);
        if (cause instanceof ApiException api) {
            return api.summary();
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        String message = cause.getMessage();
        return "Unexpected error (" + cause.getClass().getSimpleName() + ")" + (message == null ? "." : ": " + message);
    }

    /** What is wrong, in plain words, leaving out whether a change was made (that belongs to the change). */
    public static String situation(Throwable error) {
        Throwable cause = Causes.unwrap(error);
        return cause instanceof ApiException api ? api.situation() : inPlainWords(error);
    }

    /** The technical detail (the call, the status, the server's text, the cause), or null when there is none. */
    public static String details(Throwable error) {
        Throwable cause = Causes.unwrap(error);
        if (cause instanceof ApiException api) {
            return api.detail();
        }
        if (cause instanceof IllegalArgumentException) {
            return null;
        }
        return cause.toString();
    }

    /** The failure itself, without the wrappers that futures put around it. */
    public static Throwable cause(Throwable error) {
        return Causes.unwrap(error);
    }
}
