package dev.keywarden.core.keys;

import dev.keywarden.model.ApiKey;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one definition of what a Confident AI key looks like, used by the leak finder, the projects
 * filter, the audit trail's masking, {@code check-key} and the console's <em>Check a key</em>.
 *
 * <p>A key is {@code confident_}, an optional region ({@code us_}, {@code eu_}, {@code au_} or any other
 * code of 2 to 4 lower-case letters), an optional scope ({@code proj_}, {@code org_}, {@code global_}; older
 * keys have none), then a body of 32 to 64 characters: base64 in the standard ({@code + /}) or URL-safe
 * ({@code - _}) alphabet with up to two {@code =} of padding, or hex. Real keys are
 * {@code confident_us_proj_} + 44 characters of standard base64 ending in {@code =}; the 32 hex characters
 * of the documentation's examples are found too. A body is hex, or mixes two of upper case, lower case and digits (and
 * has upper case when it holds {@code -} or {@code _}), so {@code confident_} followed by a word or a snake_case
 * name is not a key.
 *
 * <p>Found wherever they stand: quoted (JSON, YAML, {@code .env}, shell), in a URL (with {@code %2B},
 * {@code %2F}, {@code %3D}), in a JSON string with {@code \/} or {@code \u002B}, in a diff, and wrapped
 * across up to 3 lines anywhere, the prefix included (a line break, its indentation, and a diff's
 * {@code +} or {@code -} are skipped). A body that crosses a line break must have a complete shape
 * (padded base64, 43 characters of base64, or 32 or 64 hex), so the next line's text is never glued to
 * a key. A hex key followed by {@code _} or {@code -} ends there ({@code backup_<key>_old}).
 *
 * <p>Decided cases: an upper-cased key ({@code CONFIDENT_US_PROJ_…}) is not found (its last 6 characters
 * are no longer those the masked values show); base64 blobs, JWTs, UUIDs and hashes are not keys,
 * even after the prefix (too long, too short, or without a digit and mixed case).
 *
 * <p>A masked value is at least {@value KeyReader#MIN_MASK_STARS} {@code *} and the last 6 characters of a
 * key, which may hold {@code + / - _} and end in {@code =} ({@code ***************ok160=}).
 *
 * <p>{@link #redact(String)} is broader on purpose: it also masks anything that looks like a key in any
 * case, for text that is shown or written down.
 */
public final class KeyPatterns {
    public static final int SUFFIX_LENGTH = ApiKey.VISIBLE_SUFFIX;
    /** Anything like a key in any case: {@code confident_} and at least 12 more key characters, a digit among them. */
    private static final Pattern LOOSE = Pattern.compile("(?i)confident_[a-z0-9+/_=-]{12,}");

    private KeyPatterns() {
    }

    /**
     * One key found in a text, without its value: where it is, its scope and region from the prefix,
     * and its last 6 characters.
     */
    public record Found(int start, int end, int line, KeyScope scope, String region, String suffix) {
        /** The kind of listed key its scope names; null for a global key or one of unknown kind. */
        public KeyKind kind() {
            return scope.kind();
        }

        @Override
        public String toString() {
            return "Found[" + scope.words() + " ending " + suffix + " on line " + line + "]";
        }
    }

    /** A masked value found in a text: its place and the last 6 characters it shows. */
    public record MaskedFound(int start, int end, int line, String suffix) {
    }

    /** Every key in the text, in order of appearance; linear in the length of the text. */
    public static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        KeyReader reader = new KeyReader(text);
        LineIndex lines = null;
        int i = text.indexOf('c');
        while (i >= 0) {
            KeyReader.Parsed key = reader.keyAt(i);
            if (key == null) {
                i = text.indexOf('c', i + 1);
                continue;
            }
            lines = lines == null ? new LineIndex(text) : lines;
            found.add(new Found(key.start(), key.end(), lines.lineOf(key.start()), key.scope(), key.region(), key.suffix()));
            i = text.indexOf('c', key.end());
        }
        return found;
    }

    /** Every masked value in the text, in order of appearance; linear in the length of the text. */
    public static List<MaskedFound> findMasked(String text) {
        List<MaskedFound> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        KeyReader reader = new KeyReader(text);
        LineIndex lines = null;
        int i = text.indexOf('*');
        while (i >= 0) {
            KeyReader.Masked masked = reader.maskedAt(i);
            if (masked != null) {
                lines = lines == null ? new LineIndex(text) : lines;
                found.add(new MaskedFound(masked.start(), masked.end(), lines.lineOf(masked.start()), masked.suffix()));
                i = text.indexOf('*', masked.end());
                continue;
            }
            int afterRun = i;
            while (afterRun < text.length() && text.charAt(afterRun) == '*') {
                afterRun++;
            }
            i = text.indexOf('*', afterRun);
        }
        return found;
    }

    /** The one key the text is, alone (surrounding spaces aside); null when it is not exactly one key. */
    public static Found whole(String text) {
        String stripped = text == null ? "" : text.strip();
        List<Found> keys = find(stripped);
        return keys.size() == 1 && keys.get(0).start() == 0 && keys.get(0).end() == stripped.length() ? keys.get(0) : null;
    }

    /**
     * The raw key a {@link Found} stands for in the same text: escapes decoded, line breaks left out.
     * Only for a caller that must send it, as <em>Check a key</em> does; never keep, log or show it.
     */
    public static String rawValue(String text, Found found) {
        KeyReader.Parsed key = new KeyReader(text).keyAt(found.start());
        if (key == null) {
            throw new IllegalArgumentException("The text no longer holds that key.");
        }
        String prefix = "confident_" + (key.region() == null ? "" : key.region() + "_")
                + (key.scope().prefixWord() == null ? "" : key.scope().prefixWord() + "_");
        return prefix + key.body();
    }

    /** Whether {@link #redact(String)} would change the text. */
    public static boolean containsKey(String text) {
        if (text == null) {
            return false;
        }
        if (!find(text).isEmpty()) {
            return true;
        }
        Matcher loose = LOOSE.matcher(text);
        while (loose.find()) {
            if (hasDigit(loose.group())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with every key, and everything that looks like one in any case, replaced by its masked
     * form ({@code ***************} and its last 6 characters). Null stays null.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Found key : find(text)) {
            out.append(text, at, key.start()).append(masked(key.suffix()));
            at = key.end();
        }
        out.append(text, at, text.length());
        String strict = out.toString();
        StringBuilder result = new StringBuilder(strict.length());
        int from = 0;
        Matcher loose = LOOSE.matcher(strict);
        while (loose.find()) {
            if (hasDigit(loose.group())) {
                result.append(strict, from, loose.start()).append(ApiKey.mask(loose.group()));
                from = loose.end();
            }
        }
        return result.append(strict, from, strict.length()).toString();
    }

    private static boolean hasDigit(String text) {
        return text.chars().anyMatch(c -> c >= '0' && c <= '9');
    }

    /** {@code ***************} followed by the suffix. */
    public static String masked(String suffix) {
        return "*".repeat(ApiKey.MASK_STARS) + suffix;
    }
}
