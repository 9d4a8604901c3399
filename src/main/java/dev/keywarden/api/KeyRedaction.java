package dev.keywarden.api;

import okhttp3.HttpUrl;

import java.io.IOException;

/**
 * Cuts the organisation key out of anything a failure carries: a path built from ids the user typed,
 * the server's words, the message of a network library's exception. A server, a proxy or a library
 * may echo whatever it was given, and the key is sent with every call.
 */
final class KeyRedaction {
    static final String MARK = "[redacted]";

    private final String raw;
    private final String pathEncoded;

    KeyRedaction(OrgKey key) {
        this.raw = key.reveal();
        // A key typed where an id belongs reaches the path percent-encoded, so look for that form too.
        this.pathEncoded = HttpUrl.get("http://localhost/").newBuilder().addPathSegment(raw).build().encodedPathSegments().get(0);
    }

    /** The text with every occurrence of the key replaced by {@value #MARK}; null stays null. */
    String text(String text) {
        if (text == null) {
            return null;
        }
        return text.replace(raw, MARK).replace(pathEncoded, MARK);
    }

    boolean appearsIn(String text) {
        return text != null && (text.contains(raw) || text.contains(pathEncoded));
    }

    /**
     * The cause itself when nothing printable in its chain holds the key; otherwise a copy of the chain
     * whose messages are redacted (class names and stack traces kept, so the detail stays useful).
     */
    Throwable cause(Throwable cause) {
        return cause == null || !leaks(cause) ? cause : copy(cause);
    }

    private boolean leaks(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (appearsIn(t.getMessage()) || appearsIn(t.toString())) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (leaks(suppressed)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private Throwable copy(Throwable original) {
        Throwable next = original.getCause() == null || original.getCause() == original ? null : copy(original.getCause());
        RedactedCause copy = new RedactedCause(original.getClass().getName() + ": " + text(String.valueOf(original.getMessage())), next);
        copy.setStackTrace(original.getStackTrace());
        for (Throwable suppressed : original.getSuppressed()) {
            copy.addSuppressed(copy(suppressed));
        }
        return copy;
    }

    /** Stands in for an exception whose message held the key; its message names the original class. */
    static final class RedactedCause extends IOException {
        RedactedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
