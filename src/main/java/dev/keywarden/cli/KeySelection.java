package dev.keywarden.cli;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.core.keys.KeyScope;
import dev.keywarden.core.leak.Candidate;
import dev.keywarden.core.leak.LeakFinder;
import dev.keywarden.core.leak.LeakMatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which keys a bulk change names: references ({@code PROJECT_ID:KEY_ID}, {@code org:KEY_ID}), suffixes
 * ({@code --suffix}) and the candidates of a leaked text ({@code --from-leak}). A suffix or candidate that
 * matches several keys is not acted on unless {@code allMatches}; one that matches none is noted.
 */
final class KeySelection {
    /** The last 6 characters of a key: base64 (either alphabet) or hex, with up to two closing {@code =}. */
    private static final Pattern SUFFIX = Pattern.compile("(?=.{6}$)[A-Za-z0-9+/_-]{4,6}={0,2}");
    private final List<KeyRef> refs;
    private final List<Candidate> candidates;

    private KeySelection(List<KeyRef> refs, List<Candidate> candidates) {
        this.refs = refs;
        this.candidates = candidates;
    }

    /** What was chosen, resolved against the loaded keys. */
    record Resolved(List<KeyRef> refs, List<String> notes, int unresolved) {
    }

    /**
     * Reads the choice before anything is loaded, so a typo fails at once.
     *
     * @param leakedText the text of {@code --from-leak}, or null
     */
    static KeySelection of(List<String> references, List<String> suffixes, String leakedText) {
        List<KeyRef> refs = new ArrayList<>();
        for (String reference : references) {
            try {
                refs.add(KeyRef.parse(reference));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage());
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String suffix : suffixes) {
            String trimmed = suffix.strip();
            if (!SUFFIX.matcher(trimmed).matches()) {
                throw new CliFailure("--suffix takes the last " + LeakFinder.SUFFIX_LENGTH + " characters of a key (letters, digits, "
                        + "+ / - _ and a closing =), as its masked value shows them (for a whole key or a log line, use "
                        + "--from-leak and standard input).");
            }
            candidates.add(new Candidate(trimmed, Candidate.Source.MARKED, KeyScope.UNKNOWN, null, 0));
        }
        if (leakedText != null) {
            List<Candidate> found = LeakFinder.extract(leakedText);
            if (found.isEmpty()) {
                throw new CliFailure("No key found on standard input (a Confident key, or a masked value ending in 6 characters). "
                        + "Nothing was changed.");
            }
            candidates.addAll(found);
        }
        if (refs.isEmpty() && candidates.isEmpty()) {
            throw new CliFailure("Say which keys: PROJECT_ID:KEY_ID or org:KEY_ID arguments, --suffix XXXXXX, or --from-leak "
                    + "with the text on standard input.");
        }
        return new KeySelection(List.copyOf(refs), List.copyOf(candidates));
    }

    Resolved resolve(Collection<KeyEntry> loaded, boolean allMatches) {
        List<KeyRef> chosen = new ArrayList<>(refs);
        List<String> notes = new ArrayList<>();
        int unresolved = 0;
        for (LeakMatch match : LeakFinder.match(candidates, loaded)) {
            String suffix = match.candidate().suffix();
            switch (match.verdict()) {
                case NO_MATCH -> {
                    notes.add("…" + suffix + " matches no key of this organisation: nothing to do for it.");
                    unresolved++;
                }
                case GLOBAL_KEY -> {
                    notes.add("…" + suffix + " is a global key: nothing can be done for it here. " + LeakMatch.globalKeyAdvice());
                    unresolved++;
                }
                case ONE_MATCH -> chosen.add(match.matches().get(0).ref());
                case SEVERAL_MATCHES -> {
                    String refsText = String.join(", ", match.matches().stream().map(entry -> entry.ref().toString()).toList());
                    if (allMatches) {
                        notes.add("Several keys end in " + suffix + " (" + refsText + "): all of them are included (--all-matches).");
                        match.matches().forEach(entry -> chosen.add(entry.ref()));
                    } else {
                        notes.add("Several keys end in " + suffix + " (" + refsText + "): none is acted on. Name the one that "
                                + "leaked as an argument, or add --all-matches.");
                        unresolved++;
                    }
                }
            }
        }
        return new Resolved(chosen, notes, unresolved);
    }
}
