package dev.keywarden.core.leak;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyScope;
import dev.keywarden.model.Names;

import java.util.List;

/** One candidate and the keys of the organisation whose masked value ends like it. */
public record LeakMatch(Candidate candidate, List<KeyEntry> matches) {

    public enum Verdict {
        /** No key of this organisation ends like it. */
        NO_MATCH,
        /** Exactly one key ends like it. */
        ONE_MATCH,
        /** Several keys end like it: all are listed, none may be chosen for the user. */
        SEVERAL_MATCHES,
        /** A global key: listed by no endpoint, so it cannot be matched or switched off through the API. */
        GLOBAL_KEY
    }

    public LeakMatch {
        matches = List.copyOf(matches);
    }

    public Verdict verdict() {
        if (candidate.scope() == KeyScope.GLOBAL) {
            return Verdict.GLOBAL_KEY;
        }
        return switch (matches.size()) {
            case 0 -> Verdict.NO_MATCH;
            case 1 -> Verdict.ONE_MATCH;
            default -> Verdict.SEVERAL_MATCHES;
        };
    }

    /** What to do about a global key, which the API can neither list nor switch off. */
    public static String globalKeyAdvice() {
        return "Global keys cannot be listed or switched off through the API: switch it off in Confident AI's web UI, "
                + KeyScope.GLOBAL_KEYS_PLACE + ".";
    }

    /** Whether its prefix named no kind, so it was compared with keys of both kinds (said in the verdict). */
    public boolean kindUnknown() {
        return candidate.scope() == KeyScope.UNKNOWN && candidate.source() != Candidate.Source.MASKED_VALUE;
    }

    /** One plain sentence for the user, naming the candidate by its last 6 characters only. */
    public String verdictSentence() {
        String suffix = candidate.suffix();
        String sentence = switch (verdict()) {
            case GLOBAL_KEY -> "The key ending " + suffix + " is a global key. " + globalKeyAdvice();
            case NO_MATCH -> "The key ending " + suffix + " matches no key of this organisation.";
            case ONE_MATCH -> "The key ending " + suffix + " is " + name(matches.get(0)) + ".";
            case SEVERAL_MATCHES -> "The suffix " + suffix + " matches " + matches.size()
                    + " keys of this organisation: check which one leaked.";
        };
        return kindUnknown() ? sentence + " Its prefix names no kind, so it was compared with project and organisation keys." : sentence;
    }

    private static String name(KeyEntry entry) {
        String key = entry.key().name() == null ? "key " + entry.key().id() : "\"" + Names.visible(entry.key().name()) + "\"";
        return entry.ownerLabel() == null ? key : key + " (" + Names.visible(entry.ownerLabel()) + ")";
    }
}
