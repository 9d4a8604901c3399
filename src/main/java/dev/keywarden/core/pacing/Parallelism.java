package dev.keywarden.core.pacing;

/**
 * How many calls a load or a bulk change may have in flight at once: {@value #DEFAULT} unless the admin
 * says otherwise ({@code --parallelism} on the command line, {@code parallelism} in {@code ui.properties}),
 * from 1 to {@value #MAX}. It is a cap: {@link AdaptiveLimit} goes below it when the server pushes back.
 */
public final class Parallelism {
    public static final int DEFAULT = 16;
    /** The sandbox works on 32 requests at once; a real server's rate limit comes long before 64. */
    public static final int MAX = 64;

    private Parallelism() {
    }

    /** The number in {@code text}, or an exception saying in plain words what is wrong with it. */
    public static int parse(String text) {
        String given = text == null ? "" : text.strip();
        int value;
        try {
            value = Integer.parseInt(given);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The parallelism must be a whole number from 1 to " + MAX
                    + ", not \"" + given + "\".");
        }
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("The parallelism must be from 1 to " + MAX + ", not " + value + ".");
        }
        return value;
    }

    /** As {@link #parse}, but {@code fallback} for anything missing or unusable (hand-edited settings). */
    public static int parseOr(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
