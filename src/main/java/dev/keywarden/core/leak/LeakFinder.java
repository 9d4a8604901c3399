package dev.keywarden.core.leak;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyPatterns;
import dev.keywarden.core.keys.KeyScope;
import dev.keywarden.model.ApiKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds candidate keys in any text, locally, and matches them against the keys of the organisation.
 *
 * <p>Extraction takes, in order of appearance: every Confident key ({@link KeyPatterns}: every shape,
 * with any punctuation around it, escaped, URL-encoded or wrapped across lines; not upper-cased copies),
 * every masked value ({@code **********} and more stars, then the last 6 characters of a key), then the
 * tokens the user marked (whole tokens, at least 6 characters; their last 6 count). Each is reduced at
 * once to its last 6 characters; the same suffix of the same scope is listed once. Extraction and
 * matching are linear in the size of the text and the number of keys.
 *
 * <p>Matching compares the suffix with the last 6 characters of every key's masked value, exactly
 * (case matters). A candidate whose prefix names its kind ({@code proj_}, {@code org_}) matches only
 * keys of that kind; one without a scope (or a masked value) matches keys of both kinds; a global key
 * matches none, since global keys are listed by no endpoint.
 */
public final class LeakFinder {
    public static final int SUFFIX_LENGTH = ApiKey.VISIBLE_SUFFIX;

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
        Found found = new Found();
        for (KeyPatterns.Found key : KeyPatterns.find(text)) {
            found.add(new Candidate(key.suffix(), Candidate.Source.KEY_PATTERN, key.scope(), key.region(), key.line()));
        }
        for (KeyPatterns.MaskedFound masked : KeyPatterns.findMasked(text)) {
            found.add(new Candidate(masked.suffix(), Candidate.Source.MASKED_VALUE, KeyScope.UNKNOWN, null, masked.line()));
        }
        for (String token : markedTokens) {
            found.add(marked(token));
        }
        return found.list();
    }

    private static Candidate marked(String token) {
        String trimmed = token == null ? "" : token.strip();
        KeyPatterns.Found key = KeyPatterns.whole(trimmed);
        if (key != null) {
            return new Candidate(key.suffix(), Candidate.Source.MARKED, key.scope(), key.region(), 0);
        }
        if (trimmed.length() < SUFFIX_LENGTH) {
            throw new IllegalArgumentException("A marked token needs at least " + SUFFIX_LENGTH
                    + " characters: its last " + SUFFIX_LENGTH + " are compared with the masked values.");
        }
        return new Candidate(trimmed.substring(trimmed.length() - SUFFIX_LENGTH), Candidate.Source.MARKED, KeyScope.UNKNOWN, null, 0);
    }

    /** Candidates in order; a suffix already listed is not listed again, unless it now comes with another scope. */
    private static final class Found {
        private final List<Candidate> list = new ArrayList<>();
        private final Map<String, EnumSet<KeyScope>> scopesBySuffix = new HashMap<>();

        void add(Candidate candidate) {
            EnumSet<KeyScope> scopes = scopesBySuffix.computeIfAbsent(candidate.suffix(), suffix -> EnumSet.noneOf(KeyScope.class));
            boolean known = candidate.scope() == KeyScope.UNKNOWN ? !scopes.isEmpty() : scopes.contains(candidate.scope());
            if (!known) {
                scopes.add(candidate.scope());
                list.add(candidate);
            }
        }

        List<Candidate> list() {
            return List.copyOf(list);
        }
    }

    /** Each candidate with the keys it matches, in the order of the candidates and of the keys given. */
    public static List<LeakMatch> match(List<Candidate> candidates, Collection<KeyEntry> keys) {
        Map<String, List<KeyEntry>> bySuffix = new HashMap<>();
        for (KeyEntry key : keys) {
            bySuffix.computeIfAbsent(key.suffix(), suffix -> new ArrayList<>()).add(key);
        }
        List<LeakMatch> matches = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            List<KeyEntry> hits = new ArrayList<>();
            for (KeyEntry key : bySuffix.getOrDefault(candidate.suffix(), List.of())) {
                if (candidate.scope().canBe(key.kind())) {
                    hits.add(key);
                }
            }
            matches.add(new LeakMatch(candidate, hits));
        }
        return List.copyOf(matches);
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
                .filter(key -> key.suffix().equals(candidate.suffix()) && key.scope() == candidate.scope())
                .findFirst().map(key -> KeyPatterns.rawValue(text, key));
    }

    /** {@link #extract(String, Collection)} then {@link #match(List, Collection)}. */
    public static List<LeakMatch> find(String text, Collection<String> markedTokens, Collection<KeyEntry> keys) {
        return match(extract(text, markedTokens), keys);
    }
}
