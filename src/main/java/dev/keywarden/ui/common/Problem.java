package dev.keywarden.ui.common;

/**
 * A failure as the admin sees it: one sentence in plain words, the technical detail behind a
 * "Details" expander (null when there is none), and whether it is a change that failed, which stays
 * listed until dismissed instead of being replaced by the next load problem. A message with a
 * {@code topic} (e.g. a key's reference) replaces an earlier one with the same topic: what a later read
 * of the key shows takes the place of what was said before it.
 */
public record Problem(String text, String details, boolean failedChange, String topic) {

    public Problem(String text, String details, boolean failedChange) {
        this(text, details, failedChange, null);
    }

    public static Problem of(String what, Throwable error) {
        return new Problem(what + ": " + Problems.inPlainWords(error), Problems.details(error), false);
    }

    public static Problem ofChange(String what, Throwable error) {
        return new Problem(what + ": " + Problems.inPlainWords(error), Problems.details(error), true);
    }

    public static Problem plain(String text) {
        return new Problem(text, null, false);
    }
}
