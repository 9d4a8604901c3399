package dev.keywarden.core.check;

import dev.keywarden.core.keys.KeyScope;

import java.util.List;
import java.util.Objects;

/**
 * The answer to "is this key refused?", the same in the console and on the command line.
 *
 * @param verdict  refused, accepted, or inconclusive
 * @param judgedAs the kind the key was checked as
 * @param answers  the probes made, in order, and what each answered (empty when none could judge)
 * @param how      which probes were made and which one answered, in one sentence
 * @param sentence what the verdict means and what to do, in plain words; never the key
 */
public record KeyVerdict(Verdict verdict, KeyScope judgedAs, List<ProbeAnswer> answers, String how, String sentence) {

    public enum Verdict {
        /** 401 on the probe that judges this kind of key: the server no longer accepts it. */
        REFUSED,
        /** 2xx, or 403 (authenticated but not allowed): the key still works. */
        ACCEPTED,
        /** Nothing could tell: 429, 5xx, 404, no answer, the deadline, or no probe can judge this kind. */
        INCONCLUSIVE
    }

    public KeyVerdict {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(judgedAs, "judgedAs");
        answers = List.copyOf(answers);
    }

    /** {@link #how()} then {@link #sentence()}: what the console shows. */
    public String words() {
        return how + " " + sentence;
    }
}
