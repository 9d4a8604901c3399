package dev.keywarden.ui.common;

import dev.keywarden.common.Causes;
import dev.keywarden.api.ApiException;
import dev.keywarden.core.PlainWords;


/** Turns a failure into the sentence shown to the admin, and the technical detail shown on demand. */
public final class Problems {
    private Problems() {
    }

    /** Plain words first, by the one rule of {@link PlainWords}: no Java class names, no raw server text, no key. */
    public static String inPlainWords(Throwable error) {
        return PlainWords.of(error);
    }

    /** What is wrong, in plain words, leaving out whether a change was made (that belongs to the change). */
    public static String situation(Throwable error) {
        return PlainWords.situation(error);
    }

    /**
     * The technical detail (the call, the status, the server's text, the cause), or null when there is none;
     * every key shape masked and control characters shown.
     */
    public static String details(Throwable error) {
        Throwable cause = Causes.unwrap(error);
        if (cause instanceof ApiException api) {
            return PlainWords.shown(api.detail());
        }
        if (cause instanceof IllegalArgumentException) {
            return null;
        }
        return PlainWords.shown(cause.toString());
    }

    /** The failure itself, without the wrappers that futures put around it. */
    public static Throwable cause(Throwable error) {
        return Causes.unwrap(error);
    }
}
