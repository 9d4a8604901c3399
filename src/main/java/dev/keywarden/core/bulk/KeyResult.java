package dev.keywarden.core.bulk;

import dev.keywarden.core.PlainWords;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyPatterns;
import dev.keywarden.model.ApiKey;

/**
 * What happened to one key of a bulk change.
 *
 * @param entry   the key as planned
 * @param after   the key as the server now has it (its answer, or a re-read), or null when unknown or revoked
 * @param error   the failure, or null; kept for a details view, never shown raw
 * @param message what happened in plain words; never holds a raw key
 */
public record KeyResult(KeyEntry entry, KeyAction action, Outcome outcome, ApiKey after, Exception error, String message) {

    public enum Outcome {
        /** The server answered that the change was made (for a revocation: or that the key was already gone). */
        DONE,
        /** The answer was lost, and a re-read shows the change was made. */
        CHANGED_ANSWER_LOST,
        /**
         * The answer was lost, and a re-read shows the key unchanged: the change was sent and may still land,
         * so it is read again after the deadline ({@link KeyChangeService#settle}).
         */
        NOT_CHANGED,
        /** The answer was lost and the key could not be read again: what the server has is not known. */
        UNKNOWN,
        /** The server refused the change or could not be reached before anything was sent. */
        FAILED,
        /** Never sent: the run was cancelled first. */
        NOT_SENT,
        /** Sent and its answer lost, the key not read again yet: passed on to {@link KeyChangeService#readAgain}. */
        ANSWER_LOST
    }

    public KeyResult {
        message = KeyPatterns.redact(message);
    }

    /** The change is made: {@code DONE} or {@code CHANGED_ANSWER_LOST}. */
    public boolean succeeded() {
        return outcome == Outcome.DONE || outcome == Outcome.CHANGED_ANSWER_LOST;
    }

    /** Sent and not (known to be) made: {@code FAILED}, {@code NOT_CHANGED}, {@code UNKNOWN} or {@code ANSWER_LOST}; worth a retry. */
    public boolean failed() {
        return outcome == Outcome.FAILED || mayStillLand();
    }

    /**
     * Sent, its answer lost, and not known to be made: it may still land on the server, so it is read again
     * after the deadline ({@link KeyChangeService#settle}).
     */
    public boolean mayStillLand() {
        return outcome == Outcome.NOT_CHANGED || outcome == Outcome.UNKNOWN || outcome == Outcome.ANSWER_LOST;
    }

    /** Sent and answered with a failure or lost: read the key again ({@link KeyChangeService#readAgain}). */
    public boolean isAnswerLost() {
        return outcome == Outcome.ANSWER_LOST;
    }

    static KeyResult done(KeyEntry entry, KeyAction action, ApiKey after) {
        return new KeyResult(entry, action, Outcome.DONE, after, null, action.capitalisedPastTense() + ".");
    }

    static KeyResult alreadyGone(KeyEntry entry, KeyAction action, Exception notFound) {
        return new KeyResult(entry, action, Outcome.DONE, null, notFound, "Already gone: the server no longer has this key.");
    }

    static KeyResult answerLost(KeyEntry entry, KeyAction action, Exception error) {
        return new KeyResult(entry, action, Outcome.ANSWER_LOST, null, error, "Sent, but the answer was lost: "
                + PlainWords.of(error) + " Reading the key again.");
    }

    static KeyResult changedAnswerLost(KeyEntry entry, KeyAction action, ApiKey after, Exception error) {
        return new KeyResult(entry, action, Outcome.CHANGED_ANSWER_LOST, after, error, action.capitalisedPastTense()
                + ", although the answer was lost: reading the key again shows the change.");
    }

    static KeyResult notChanged(KeyEntry entry, KeyAction action, ApiKey after, Exception error) {
        return new KeyResult(entry, action, Outcome.NOT_CHANGED, after, error, "Not " + action.pastTense()
                + " yet: the answer was lost and reading the key again shows it unchanged, but the change was sent and may still land: "
                + "it is read again after the deadline. " + PlainWords.of(error));
    }

    static KeyResult unknown(KeyEntry entry, KeyAction action, Exception error, Exception rereadError) {
        return new KeyResult(entry, action, Outcome.UNKNOWN, null, error, "Not known whether it was " + action.pastTense()
                + ": the answer was lost and the key could not be read again (" + PlainWords.of(rereadError)
                + "). It is read again after the deadline.");
    }

    static KeyResult failed(KeyEntry entry, KeyAction action, Exception error) {
        return new KeyResult(entry, action, Outcome.FAILED, null, error, "Not " + action.pastTense() + ": " + PlainWords.of(error));
    }

    static KeyResult notSent(KeyEntry entry, KeyAction action) {
        return new KeyResult(entry, action, Outcome.NOT_SENT, null, null, "Not sent: the change was cancelled first.");
    }

    static KeyResult landedLate(KeyEntry entry, KeyAction action, ApiKey after, Exception error) {
        return new KeyResult(entry, action, Outcome.CHANGED_ANSWER_LOST, after, error, action.capitalisedPastTense()
                + ": reading the key again after the deadline shows the change, which landed although its answer was lost.");
    }

    static KeyResult didNotLand(KeyEntry entry, KeyAction action, ApiKey after, Exception error) {
        String still = after == null ? "the key is still there" : "the key is still " + (after.valid() ? "active" : "deactivated");
        return new KeyResult(entry, action, Outcome.FAILED, after, error, "Not " + action.pastTense()
                + ": reading the key again after the deadline shows " + still + ", so the change whose answer was lost did not land.");
    }

    static KeyResult stillUnknown(KeyEntry entry, KeyAction action, Exception error, Exception rereadError) {
        return new KeyResult(entry, action, Outcome.UNKNOWN, null, error, "Still not known whether it was " + action.pastTense()
                + ": reading the key again after the deadline failed too (" + PlainWords.of(rereadError) + "). Check it.");
    }

    @Override
    public String toString() {
        return "KeyResult[" + entry.ref() + " " + action + " " + outcome + ": " + message + "]";
    }
}
