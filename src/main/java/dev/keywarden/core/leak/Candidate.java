package dev.keywarden.core.leak;

import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.core.keys.KeyPatterns;
import dev.keywarden.core.keys.KeyScope;

import java.util.Objects;

/**
 * A possible key found in a pasted text, reduced to its last 6 characters: the raw text is not kept.
 *
 * @param suffix the last 6 characters, what masked values show
 * @param source how it was found
 * @param scope  what its prefix names ({@code proj_}, {@code org_}, {@code global_}), or
 *               {@link KeyScope#UNKNOWN} when it had no scope or no prefix at all
 * @param region the region code of its prefix ({@code "eu"}), or null
 * @param line   the line of the text it was first found on (1-based), or 0 for a token the user marked
 */
public record Candidate(String suffix, Source source, KeyScope scope, String region, int line) {

    public enum Source {
        /** A Confident key pattern in the text. */
        KEY_PATTERN,
        /** A masked value ({@code ***************d4e5f6}) in the text. */
        MASKED_VALUE,
        /** A token the user marked as a key. */
        MARKED
    }

    public Candidate {
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scope, "scope");
        if (suffix.length() != LeakFinder.SUFFIX_LENGTH) {
            throw new IllegalArgumentException("A candidate is its last " + LeakFinder.SUFFIX_LENGTH + " characters.");
        }
    }

    /** The kind of listed key its prefix names; null when it may be either (or is a global key). */
    public KeyKind kindHint() {
        return scope.kind();
    }

    /** {@code ***************} and the suffix, the form a masked value and the filter box show. */
    public String masked() {
        return KeyPatterns.masked(suffix);
    }

    /** "…d4e5f6": only the suffix, whatever the candidate came from. */
    @Override
    public String toString() {
        return "…" + suffix;
    }
}
