package dev.keywarden.model;

/**
 * The one rule for project and key names, shared by the sandbox's checks and the console's dialogs
 * (Keywarden decides it; the vendor documents no limit): trimmed, not blank, at most {@value #MAX_LENGTH}
 * characters, and nothing that is not seen. In a security console a name is evidence, so a name may not
 * hold characters that render as nothing or rearrange the text around them: controls (Unicode category Cc:
 * NUL, newlines, BEL), format characters (Cf: bidi overrides such as U+202E, zero-width spaces, the soft
 * hyphen), line and paragraph separators (Zl, Zp) and unpaired surrogates. No-break spaces (U+00A0 and
 * the other space separators that ordinary trimming keeps) may stand between words, where they look like
 * a space and compare as one, but not at either end, where they would be invisible.
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
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            if (isUnpairedSurrogate(codePoint)) {
                return "must not contain an unpaired surrogate " + codePointLabel(codePoint);
            }
            if (isHidden(codePoint)) {
                return "must not contain " + codePointLabel(codePoint) + " (" + Character.getName(codePoint) + ")";
            }
            i += Character.charCount(codePoint);
        }
        int first = name.codePointAt(0);
        int last = name.codePointBefore(name.length());
        if (isEdgeSpace(first) || isEdgeSpace(last)) {
            int space = isEdgeSpace(first) ? first : last;
            return "must not begin or end with " + codePointLabel(space) + " (" + Character.getName(space) + ")";
        }
        return null;
    }

    /**
     * {@code text} as it may safely be shown: every character {@link #problem} refuses becomes a visible
     * {@code ⟨U+202E⟩}, so a name from a server that allows them can neither hide anything nor reorder the
     * text around it. Null stays null.
     */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int count = Character.charCount(codePoint);
            boolean atEdge = i == 0 || i + count == text.length();
            if (isHidden(codePoint) || isUnpairedSurrogate(codePoint) || atEdge && isEdgeSpace(codePoint)) {
                shown.append('\u27E8').append(codePointLabel(codePoint)).append('\u27E9');
            } else {
                shown.appendCodePoint(codePoint);
            }
            i += count;
        }
        return shown.toString();
    }

    private static boolean isHidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** codePointAt returns a lone surrogate as itself; a valid pair comes back as one supplementary code point. */
    private static boolean isUnpairedSurrogate(int codePoint) {
        return Character.getType(codePoint) == Character.SURROGATE;
    }

    /** A space separator that {@link String#strip()} keeps, such as U+00A0 NO-BREAK SPACE. */
    private static boolean isEdgeSpace(int codePoint) {
        return Character.getType(codePoint) == Character.SPACE_SEPARATOR && !Character.isWhitespace(codePoint);
    }

    private static String codePointLabel(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
