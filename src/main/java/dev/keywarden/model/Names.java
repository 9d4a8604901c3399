package dev.keywarden.model;

/**
 * The one rule for project and key names, shared by the sandbox's checks and the console's dialogs
 * (Keywarden decides it; the vendor documents no limit): trimmed, not blank, at most
 * {@value #MAX_LENGTH} characters.
 */
public final class Names {
    public static final int MAX_LENGTH = 255;

    private Names() {
    }

    /** What is wrong with a name as it would be sent (already trimmed), as the end of a sentence; null when nothing is. */
    public static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "must not be blank";
        }
        if (name.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        return null;
    }
}
