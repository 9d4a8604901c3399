package dev.keywarden.core.leak;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.core.keys.KeyPatterns;
import dev.keywarden.model.ApiKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds candidate keys in any text, locally, and matches them against the keys of the organisation.
 *
 * <p>Extraction takes, in order of appearance: every Confident key ({@link KeyPatterns}: project and
 * organisation keys of any region, with or without a region, with any punctuation around them, wrapped
 * once across lines; not upper-cased copies), every masked value ({@code **********} and more stars,
 * then 6 letters or digits), then the tokens the user marked (whole tokens, at least 6 characters;
 * their last 6 count). Each is reduced at once to its last 6 characters; the same suffix of the same
 * kind is listed once.
 *
 * <p>Matching compares the suffix with the last 6 characters of every key's masked value, exactly
 * (case matters). A candidate whose prefix names its kind ({@code proj_}, {@code org_}) matches only
 * keys of that kind.
 */
public final class LeakFinder {
    public static final int SUFFIX_LENGTH = ApiKey.VISIBLE_SUFFIX;
    private static final Pattern MASKED = Pattern.compile("\\*{10,}([A-Za-z0-9]{6})(?![A-Za-z0-9])");

    private LeakFinder() {
    }

    /** The candidates in the text (key patterns and masked values). */
    public static List<Candidate> extract(String text) {
        return extract(text, List.of());
    }

    /**
     * The candidates in the text, then the marked tokens.
     *
     * @throws IllegalArgumentException when a marked token is shorter than 6 characters (the message does not repeat it)
     */
    public static List<Candidate> extract(String text, Collection<String> markedTokens) {
        Map<String, Candidate> found = new LinkedHashMap<>();
        for (KeyPatterns.Found key : KeyPatterns.find(text)) {
            add(found, new Candidate(key.suffix(), Candidate.Source.KEY_PATTERN, key.kind(), key.region(), key.line()));
        }
        if (text != null) {
            Matcher masked = MASKED.matcher(text);
            while (masked.find()) {
                add(found, new Candidate(masked.group(1), Candidate.Source.MASKED_VALUE, null, null, lineOf(text, masked.start())));
            }
        }
        for (String token : markedTokens) {
            add(found, marked(token));
        }
        return List.copyOf(found.values());
    }

    private static Candidate marked(String token) {
        String trimmed = token == null ? "" : token.strip();
        List<KeyPatterns.Found> keys = KeyPatterns.find(trimmed);
        if (keys.size() == 1) {
            KeyPatterns.Found key = keys.get(0);
            return new Candidate(key.suffix(), Candidate.Source.MARKED, key.kind(), key.region(), 0);
        }
        if (trimmed.length() < SUFFIX_LENGTH) {
            throw new IllegalArgumentException("A marked token needs at least " + SUFFIX_LENGTH
                    + " characters: its last " + SUFFIX_LENGTH + " are compared with the masked values.");
        }
        return new Candidate(trimmed.substring(trimmed.length() - SUFFIX_LENGTH), Candidate.Source.MARKED, null, null, 0);
    }

    /** A suffix already listed is not listed again, unless it now comes with another kind. */
    private static void add(Map<String, Candidate> found, Candidate candidate) {
        boolean known = found.values().stream().anyMatch(existing -> existing.suffix().equals(candidate.suffix())
                && (candidate.kindHint() == null || candidate.kindHint() == existing.kindHint()));
        if (!known) {
            found.put(candidate.kindHint() + ":" + candidate.suffix(), candidate);
        }
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

    /** Each candidate with the keys it matches, in the order of the candidates and of the keys given. */
    public static List<LeakMatch> match(List<Candidate> candidates, Collection<KeyEntry> keys) {
        List<LeakMatch> matches = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            List<KeyEntry> hits = new ArrayList<>();
            for (KeyEntry key : keys) {
                if (key.suffix().equals(candidate.suffix()) && kindFits(candidate.kindHint(), key.kind())) {
                    hits.add(key);
                }
            }
            matches.add(new LeakMatch(candidate, hits));
        }
        return List.copyOf(matches);
    }

    private static boolean kindFits(KeyKind hint, KeyKind kind) {
        return hint == null || hint == kind;
    }

    /**
     * The raw key behind a candidate found by its pattern, taken again from the same text, for
     * <em>Check a key</em>, which must send it: never keep, log or show it. Empty for a masked value
     * (there is no raw key) and for a marked token (the caller has it).
     */
    public static Optional<String> rawValueOf(String text, Candidate candidate) {
        if (candidate.source() != Candidate.Source.KEY_PATTERN) {
            return Optional.empty();
        }
        return KeyPatterns.find(text).stream()
                .filter(key -> key.suffix().equals(candidate.suffix()) && key.kind() == candidate.kindHint())
                .findFirst().map(key -> KeyPatterns.rawValue(text, key));
    }

    /** {@link #extract(String, Collection)} then {@link #match(List, Collection)}. */
    public static List<LeakMatch> find(String text, Collection<String> markedTokens, Collection<KeyEntry> keys) {
        return match(extract(text, markedTokens), keys);
    }
}
