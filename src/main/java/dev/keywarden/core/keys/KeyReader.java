package dev.keywarden.core.keys;

/**
 * Reads one Confident key, or one masked value, at a position of a text: the character-level half of
 * {@link KeyPatterns}, where the shape is described. Every read is bounded (a prefix, at most
 * {@value #MAX_BODY} body characters, at most {@value #MAX_BREAKS} line breaks with at most
 * {@value #MAX_INDENT} characters of indentation each), so scanning a whole text stays linear.
 *
 * <p>An escape counts as the character it stands for: {@code \/} and {@code \u002B \u002F \u003D}
 * (JSON), {@code %2B %2F %3D} (URL-encoding), either case.
 */
final class KeyReader {
    static final int MIN_BODY = 32;
    static final int MAX_BODY = 64;
    static final int MIN_MASK_STARS = 10;
    private static final int MAX_BREAKS = 3;
    private static final int MAX_INDENT = 40;
    private static final String PREFIX = "confident_";
    private static final int UNDECIDED = 0;
    private static final int STANDARD = 1;
    private static final int URL_SAFE = 2;

    /** A key read from the text. The body is the raw secret: package-private, never printed. */
    record Parsed(int start, int end, KeyScope scope, String region, String body) {
        String suffix() {
            return body.substring(body.length() - KeyPatterns.SUFFIX_LENGTH);
        }

        @Override
        public String toString() {
            return "Parsed[" + scope + " at " + start + "]";
        }
    }

    /** A masked value read from the text: stars and the last 6 characters of a key. */
    record Masked(int start, int end, String suffix) {
    }

    private record Body(String value, int end) {
    }

    private final String text;
    private final int length;

    KeyReader(String text) {
        this.text = text;
        this.length = text.length();
    }

    /** The key starting at {@code start}, or null when none does. */
    Parsed keyAt(int start) {
        int[] at = {start, MAX_BREAKS};
        for (int i = 0; i < PREFIX.length(); i++) {
            if (!expect(at, PREFIX.charAt(i), i > 0)) {
                return null;
            }
        }
        String region = region(at);
        KeyScope scope = KeyScope.UNKNOWN;
        for (KeyScope candidate : KeyScope.values()) {
            if (candidate.prefixWord() != null && word(at, candidate.prefixWord() + "_")) {
                scope = candidate;
                break;
            }
        }
        Body body = body(at[0], at[1], "", false);
        return body == null ? null : new Parsed(start, body.end(), scope, region, body.value());
    }

    /** The masked value whose run of stars starts at {@code start}, or null when none does. */
    Masked maskedAt(int start) {
        int i = start;
        while (i < length && text.charAt(i) == '*') {
            i++;
        }
        if (i - start < MIN_MASK_STARS) {
            return null;
        }
        StringBuilder suffix = new StringBuilder(KeyPatterns.SUFFIX_LENGTH);
        int padding = 0;
        while (i < length && suffix.length() < KeyPatterns.SUFFIX_LENGTH) {
            int unit = unit(i);
            char c = (char) unit;
            if (c == '=' ? suffix.length() >= 4 : padding == 0 && isBodyChar(c, UNDECIDED)) {
                padding += c == '=' ? 1 : 0;
                suffix.append(c);
                i += unit >>> 16;
            } else {
                break;
            }
        }
        if (suffix.length() < KeyPatterns.SUFFIX_LENGTH || !isBoundary(i)) {
            return null;
        }
        return new Masked(start, i, suffix.toString());
    }

    /** Reads {@code expected} at {@code at[0]}, across a line break (and a diff marker after it) when allowed. */
    private boolean expect(int[] at, char expected, boolean mayBreak) {
        if (at[0] < length && text.charAt(at[0]) == expected) {
            at[0]++;
            return true;
        }
        int next = mayBreak && at[1] > 0 ? afterBreak(at[0]) : -1;
        if (next < 0) {
            return false;
        }
        if (next < length && (text.charAt(next) == '+' || text.charAt(next) == '-')) {
            next++;
        }
        if (next < length && text.charAt(next) == expected) {
            at[0] = next + 1;
            at[1]--;
            return true;
        }
        return false;
    }

    private boolean word(int[] at, String word) {
        int[] tried = at.clone();
        for (int i = 0; i < word.length(); i++) {
            if (!expect(tried, word.charAt(i), true)) {
                return false;
            }
        }
        at[0] = tried[0];
        at[1] = tried[1];
        return true;
    }

    /** 2 to 4 lower-case letters and {@code _}, not a scope: the region code ({@code us}, {@code eu}, …), else null. */
    private String region(int[] at) {
        int[] tried = at.clone();
        StringBuilder letters = new StringBuilder(4);
        while (letters.length() < 4 && tried[0] < length) {
            char c = text.charAt(tried[0]);
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
                tried[0]++;
            } else if (expectLetterAfterBreak(tried)) {
                letters.append(text.charAt(tried[0] - 1));
            } else {
                break;
            }
        }
        String code = letters.toString();
        if (code.length() < 2 || code.equals("proj") || code.equals("org") || !expect(tried, '_', true)) {
            return null;
        }
        at[0] = tried[0];
        at[1] = tried[1];
        return code;
    }

    private boolean expectLetterAfterBreak(int[] at) {
        int next = at[1] > 0 ? afterBreak(at[0]) : -1;
        if (next >= 0 && next < length && text.charAt(next) >= 'a' && text.charAt(next) <= 'z') {
            at[0] = next + 1;
            at[1]--;
            return true;
        }
        return false;
    }

    /**
     * The body from {@code position}, after {@code before} (what came before a line break). A line break
     * is crossed while the body is too short, or when crossing it completes a body that is not complete
     * without it; a body that crossed a break must be complete (see {@link #complete}), so text on the
     * next line is never glued to a key.
     */
    private Body body(int position, int breaksLeft, String before, boolean joined) {
        StringBuilder body = new StringBuilder(before);
        int alphabet = alphabetOf(before);
        int i = position;
        int firstSign = before.isEmpty() ? -1 : firstSign(before);
        int firstSignPosition = -1;
        while (i < length && body.length() <= MAX_BODY) {
            int unit = unit(i);
            char c = (char) unit;
            if (!isBodyChar(c, alphabet)) {
                break;
            }
            if (c == '+' || c == '/' || c == '-' || c == '_') {
                alphabet = c == '+' || c == '/' ? STANDARD : URL_SAFE;
                if (firstSign < 0) {
                    firstSign = body.length();
                    firstSignPosition = i;
                }
            }
            body.append(c);
            i += unit >>> 16;
        }
        boolean cut = firstSignPosition >= 0 && (firstSign == MIN_BODY || firstSign == MAX_BODY) && isLowerHex(body, firstSign);
        if (cut) {
            // A hex key followed by "/info", "_old" or "-2": the hex reading wins over a base64 one.
            body.setLength(firstSign);
            return finish(body.toString(), firstSignPosition, joined);
        }
        if (body.length() > MAX_BODY) {
            return null;
        }
        int padding = 0;
        while (padding < 2 && i < length && (char) unit(i) == '=') {
            body.append('=');
            i += unit(i) >>> 16;
            padding++;
        }
        String value = body.toString();
        int next = padding == 0 && breaksLeft > 0 ? afterBreak(i) : -1;
        boolean paddingNext = next >= 0 && next < length && (char) unit(next) == '=';
        if (next >= 0 && (value.length() < MIN_BODY || !complete(value) || paddingNext)) {
            Body continued = body(next, breaksLeft - 1, value, true);
            if (continued == null && next < length && (text.charAt(next) == '+' || text.charAt(next) == '-')) {
                continued = body(next + 1, breaksLeft - 1, value, true); // the marker of a wrapped diff line
            }
            if (continued != null) {
                return continued;
            }
        }
        return finish(value, i, joined);
    }

    private Body finish(String value, int end, boolean joined) {
        boolean valid = value.length() >= MIN_BODY && value.length() <= MAX_BODY && (!joined || complete(value))
                && looksRandom(value) && isBoundary(end) && !isJwtSegment(value, end);
        return valid ? new Body(value, end) : null;
    }

    /** The first segment of a JWT: base64 of <code>{"</code> ({@code eyJ}), then a dot and the next segment. */
    private boolean isJwtSegment(String value, int end) {
        return value.startsWith("eyJ") && end + 1 < length && text.charAt(end) == '.' && isBodyChar(text.charAt(end + 1), UNDECIDED);
    }

    /**
     * The shapes keys are issued in: base64 with its {@code =} padding (a length that is a multiple of
     * 4), 43 characters of unpadded base64 (32 bytes), or 32 or 64 lower-case hex characters.
     */
    static boolean complete(String body) {
        int length = body.length();
        if (body.endsWith("=")) {
            return length % 4 == 0;
        }
        return length == 43 || ((length == 32 || length == 64) && isLowerHex(body, length));
    }

    /**
     * Looks drawn at random rather than written: hex, or two of upper case, lower case and digits, and upper
     * case whenever it holds {@code -} or {@code _} (so a snake_case name after the prefix is not a key).
     */
    private static boolean looksRandom(String body) {
        if (isLowerHex(body, body.length())) {
            return true;
        }
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        boolean urlChar = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            digit |= c >= '0' && c <= '9';
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            urlChar |= c == '-' || c == '_';
        }
        int kinds = (digit ? 1 : 0) + (upper ? 1 : 0) + (lower ? 1 : 0);
        return kinds >= 2 && (!urlChar || upper);
    }

    private static boolean isLowerHex(CharSequence body, int count) {
        for (int i = 0; i < count; i++) {
            char c = body.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Where the first of {@code + / - _} stands in the body, or -1. */
    private static int firstSign(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '+' || c == '/' || c == '-' || c == '_') {
                return i;
            }
        }
        return -1;
    }

    private static int alphabetOf(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '+' || c == '/') {
                return STANDARD;
            }
            if (c == '-' || c == '_') {
                return URL_SAFE;
            }
        }
        return UNDECIDED;
    }

    private static boolean isBodyChar(char c, int alphabet) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            return true;
        }
        if (c == '+' || c == '/') {
            return alphabet != URL_SAFE;
        }
        return (c == '-' || c == '_') && alphabet != STANDARD;
    }

    /** Nothing at {@code i} continues a key: not a letter, digit or {@code =}. */
    private boolean isBoundary(int i) {
        if (i >= length) {
            return true;
        }
        char c = (char) unit(i);
        return !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '=');
    }

    /** The index after a line break and its indentation at {@code i}, or -1 when there is none. */
    private int afterBreak(int i) {
        int j = i;
        if (j < length && text.charAt(j) == '\r') {
            j++;
        }
        if (j < length && text.charAt(j) == '\n') {
            j++;
        } else if (j == i) {
            return -1;
        }
        int indent = 0;
        while (j < length && indent < MAX_INDENT && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j++;
            indent++;
        }
        return j;
    }

    /** The character at {@code i}, an escape decoded, in the low 16 bits; how many characters it took, above. */
    private int unit(int i) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < length) {
            if (text.charAt(i + 1) == '/') {
                return 2 << 16 | '/';
            }
            if (i + 5 < length && (text.charAt(i + 1) == 'u' || text.charAt(i + 1) == 'U')
                    && text.startsWith("00", i + 2)) {
                char decoded = decodeHex(text.charAt(i + 4), text.charAt(i + 5));
                if (decoded != 0) {
                    return 6 << 16 | decoded;
                }
            }
        }
        if (c == '%' && i + 2 < length) {
            char decoded = decodeHex(text.charAt(i + 1), text.charAt(i + 2));
            if (decoded != 0) {
                return 3 << 16 | decoded;
            }
        }
        return 1 << 16 | c;
    }

    /** {@code 2B}, {@code 2F}, {@code 3D} in either case as {@code +}, {@code /}, {@code =}; else 0. */
    private static char decodeHex(char high, char low) {
        char lower = Character.toLowerCase(low);
        if (high == '2' && lower == 'b') {
            return '+';
        }
        if (high == '2' && lower == 'f') {
            return '/';
        }
        return high == '3' && lower == 'd' ? '=' : 0;
    }
}
