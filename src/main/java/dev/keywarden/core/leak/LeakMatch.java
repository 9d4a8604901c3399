package dev.keywarden.core.leak;

import dev.keywarden.core.keys.KeyEntry;

import java.util.List;

/** One candidate and the keys of the organisation whose masked value ends like it. */
public record LeakMatch(Candidate candidate, List<KeyEntry> matches) {

    public enum Verdict {
        /** No key of this organisation ends like it. */
        NO_MATCH,
        /** Exactly one key ends like it. */
        ONE_MATCH,
        /** Several keys end like it: all are listed, none may be chosen for the user. */
        SEVERAL_MATCHES
    }

    public LeakMatch {
        matches = List.copyOf(matches);
    }

    public Verdict verdict() {
        return switch (matches.size()) {
            case 0 -> Verdict.NO_MATCH;
            case 1 -> Verdict.ONE_MATCH;
            default -> Verdict.SEVERAL_MATCHES;
        };
    }

    /** One plain sentence for the user, naming the candidate by its masked form only. */
    public String verdictSentence() {
        return switch (verdict()) {
            case NO_MATCH -> "The key ending " + candidate.suffix() + " matches no key of this organisation.";
            case ONE_MATCH -> "The key ending " + candidate.suffix() + " is " + name(matches.get(0)) + ".";
            case SEVERAL_MATCHES -> "The suffix " + candidate.suffix() + " matches " + matches.size()
                    + " keys of this organisation: check which one leaked.";
        };
    }

    private static String name(KeyEntry entry) {
        String key = entry.key().name() == null ? "key " + entry.key().id() : "\"" + entry.key().name() + "\"";
        return entry.ownerLabel() == null ? key : key + " (" + entry.ownerLabel() + ")";
    }
}
