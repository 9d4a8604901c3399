package dev.keywarden.core.keys;

import dev.keywarden.model.ApiKey;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw Confident keys in text. A key is {@code confident_}, an optional region code of 2 to 4
 * lower-case letters and {@code _} ({@code us_}, {@code eu_}, {@code au_}, …), {@code proj_} or
 * {@code org_}, then exactly 32 lower-case hex characters not followed by another letter or digit,
 * as Confident AI issues them. Anything may stand before or after it (quotes, {@code =}, {@code &},
 * brackets, a full stop).
 *
 * <p>Decided cases: an upper-cased key ({@code CONFIDENT_US_PROJ_…}) is <em>not</em> recognised:
 * its last 6 characters are no longer the ones the masked values show, so it could not match anyway
 * (mark the token by hand if needed). A key wrapped once across two lines (a line break, optionally
 * followed by spaces or tabs, inside the 32 hex characters, as terminals and log viewers wrap) <em>is</em>
 * recognised; a key broken by anything else (a log prefix, a diff marker) is not.
 *
 * <p>{@link #redact(String)} is broader on purpose: it masks anything that looks like a key in any
 * case and of any length, for text that is written down (the audit trail).
 */
public final class KeyPatterns {
    public static final int KEY_BODY_LENGTH = 32;
    private static final Pattern PREFIX = Pattern.compile("confident_(?:(?!proj_|org_)([a-z]{2,4})_)?(proj|org)_");
    // At least 12 characters after the prefix: a key or a long piece of one, not a name like CONFIDENT_ORG_API_KEY.
    private static final Pattern LOOSE = Pattern.compile("(?i)confident_(?:[a-z0-9]{1,8}_)?(?:proj|org)_[a-z0-9]{12,}");

    private KeyPatterns() {
    }

    /**
     * One key found in a text, without its value: where it is, its kind and region from the prefix,
     * and its last 6 characters.
     */
    public record Found(int start, int end, int line, KeyKind kind, String region, String suffix) {
        @Override
        public String toString() {
            return "Found[" + kind + " key ending " + suffix + " on line " + line + "]";
        }
    }

    /** Every key in the text, in order of appearance. */
    public static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher prefix = PREFIX.matcher(text);
        int from = 0;
        while (from < text.length() && prefix.find(from)) {
            Found key = body(text, prefix);
            if (key != null) {
                found.add(key);
                from = key.end();
            } else {
                from = prefix.end();
            }
        }
        return found;
    }

    /**
     * The raw key a {@link Found} stands for in the same text (a wrapped key without its line break).
     * Only for a caller that must send it, as <em>Check a key</em> does; never keep, log or show it.
     */
    public static String rawValue(String text, Found found) {
        return text.substring(found.start(), found.end()).replaceAll("[\\r\\n \\t]", "");
    }

    private static Found body(String text, Matcher prefix) {
        StringBuilder lastSix = new StringBuilder();
        int count = 0;
        int i = prefix.end();
        boolean wrapped = false;
        while (count < KEY_BODY_LENGTH) {
            if (i < text.length() && isLowerHex(text.charAt(i))) {
                lastSix.append(text.charAt(i));
                if (lastSix.length() > ApiKey.VISIBLE_SUFFIX) {
                    lastSix.deleteCharAt(0);
                }
                count++;
                i++;
            } else {
                int next = wrapped || count == 0 ? -1 : afterLineBreak(text, i);
                if (next < 0) {
                    return null;
                }
                wrapped = true;
                i = next;
            }
        }
        if (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            return null;
        }
        KeyKind kind = prefix.group(2).equals("proj") ? KeyKind.PROJECT : KeyKind.ORGANISATION;
        return new Found(prefix.start(), i, lineOf(text, prefix.start()), kind, prefix.group(1), lastSix.toString());
    }

    /** The index after a line break and its indentation at {@code i}, or -1 when there is none. */
    private static int afterLineBreak(String text, int i) {
        int j = i;
        if (j < text.length() && text.charAt(j) == '\r') {
            j++;
        }
        if (j >= text.length() || text.charAt(j) != '\n') {
            return -1;
        }
        j++;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j++;
        }
        return j;
    }

    private static boolean isLowerHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Whether {@link #redact(String)} would change the text. */
    public static boolean containsKey(String text) {
        return text != null && (!find(text).isEmpty() || LOOSE.matcher(text).find());
    }

    /**
     * The text with every key, and everything that looks like one in any case or length, replaced by
     * its masked form ({@code ***************} and its last 6 characters). Null stays null.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        List<Found> keys = find(text);
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Found key : keys) {
            out.append(text, at, key.start()).append(masked(key.suffix()));
            at = key.end();
        }
        out.append(text.substring(at));
        Matcher loose = LOOSE.matcher(out.toString());
        StringBuilder result = new StringBuilder();
        while (loose.find()) {
            loose.appendReplacement(result, Matcher.quoteReplacement(ApiKey.mask(loose.group())));
        }
        loose.appendTail(result);
        return result.toString();
    }

    /** {@code ***************} followed by the suffix. */
    public static String masked(String suffix) {
        return "*".repeat(ApiKey.MASK_STARS) + suffix;
    }
}
