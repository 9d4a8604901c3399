package dev.keywarden.core;

import dev.keywarden.api.ApiException;
import dev.keywarden.common.Causes;
import dev.keywarden.core.keys.KeyPatterns;
import dev.keywarden.model.Names;

import java.io.UncheckedIOException;

/**
 * The one rule for what a message shown to the admin may hold, in the console, on the command line
 * and in the audit trail: plain words, no raw text that could hold a key, no control characters.
 *
 * <p>A failure is said by the gateway's summary ({@link ApiException#summary()}); by its message when it
 * is one of ours (a class of {@code dev.keywarden}, whose messages are written for people), an
 * {@link IllegalArgumentException} (a refused input, said in words) or an {@link UncheckedIOException}
 * (a file that could not be used); otherwise only by its kind, since a library's message may quote
 * whatever it was given, a server's answer included. Whatever the words, every key shape is masked
 * ({@link KeyPatterns#redact}) and control and format characters are shown as {@code ⟨U+001B⟩}
 * ({@link Names#visible}).
 */
public final class PlainWords {
    private PlainWords() {
    }

    /** A failure in one plain sentence. */
    public static String of(Throwable failure) {
        Throwable current = Causes.unwrap(failure);
        if (current == null) {
            return "An unknown failure.";
        }
        if (current instanceof ApiException api) {
            return shown(api.summary());
        }
        String message = current.getMessage();
        boolean written = current.getClass().getName().startsWith("dev.keywarden.")
                || current instanceof IllegalArgumentException || current instanceof UncheckedIOException;
        if (written && message != null && !message.isBlank()) {
            return shown(message);
        }
        if (current instanceof InterruptedException) {
            return "Stopped before the server answered.";
        }
        return "Unexpected failure (" + current.getClass().getSimpleName() + "); nothing more is known.";
    }

    /** What is wrong, leaving out whether a change was made (that belongs to the change). */
    public static String situation(Throwable failure) {
        Throwable current = Causes.unwrap(failure);
        return current instanceof ApiException api ? shown(api.situation()) : of(failure);
    }

    /** Any text from outside (a server, a name, a typed reason) as it may be shown: keys masked, controls visible. */
    public static String shown(String text) {
        return Names.visible(KeyPatterns.redact(text));
    }
}
