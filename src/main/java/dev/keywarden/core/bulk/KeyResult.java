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
        /** The answer was lost, and a re-read shows the key unchanged. */
        NOT_CHANGED,
        /** The answer was lost and the key could not be read again: what the server has is not known. */
        UNKNOWN,
        /** The server refused the change or could not be reached before anything was sent. */
        FAILED,
        /** Never sent: the run was cancelled first. */
        NOT_SENT
    }

    public KeyResult {
        message = KeyPatterns.redact(message);
    }

    /** The change is made: {@code DONE} or {@code CHANGED_ANSWER_LOST}. */
    public boolean succeeded() {
        return outcome == Outcome.DONE || outcome == Outcome.CHANGED_ANSWER_LOST;
    }

    /** Sent and not (known to be) made: {@code FAILED}, {@code NOT_CHANGED} or {@code UNKNOWN}; worth a retry. */
    public boolean failed() {
        return outcome == Outcome.FAILED || outcome == Outcome.NOT_CHANGED || outcome == Outcome.UNKNOWN;
    }

    static KeyResult done(KeyEntry entry, KeyAction action, ApiKey after) {
        return new KeyResult(entry, action, Outcome.DONE, after, null, action.capitalisedPastTense() + ".");
    }

    static KeyResult alreadyGone(KeyEntry entry, KeyAction action, Exception notFound) {
        return new KeyResult(entry, action, Outcome.DONE, null, notFound, "Already gone: the server no longer has this key.");
    }

    static KeyResult changedAnswerLost(KeyEntry entry, KeyAction action, ApiKey after, Exception error) {
        return new KeyResult(entry, action, Outcome.CHANGED_ANSWER_LOST, after, error, action.capitalisedPastTense()
                + ", although the answer was lost: reading the key again shows the change.");
    }

    static KeyResult notChanged(KeyEntry entry, KeyAction action, ApiKey after, Exception error) {
        return new KeyResult(entry, action, Outcome.NOT_CHANGED, after, error, "Not " + action.pastTense()
                + ": the answer was lost and reading the key again shows it unchanged. " + PlainWords.of(error));
    }

    static KeyResult unknown(KeyEntry entry, KeyAction action, Exception error, Exception rereadError) {
        return new KeyResult(entry, action, Outcome.UNKNOWN, null, error, "Not known whether it was " + action.pastTense()
                + ": the answer was lost and the key could not be read again (" + PlainWords.of(rereadError) + "). Check it.");
    }

    static KeyResult failed(KeyEntry entry, KeyAction action, Exception error) {
        return new KeyResult(entry, action, Outcome.FAILED, null, error, "Not " + action.pastTense() + ": " + PlainWords.of(error));
    }

    static KeyResult notSent(KeyEntry entry, KeyAction action) {
        return new KeyResult(entry, action, Outcome.NOT_SENT, null, null, "Not sent: the change was cancelled first.");
    }


    @Override
    public String toString() {
        return "KeyResult[" + entry.ref() + " " + action + " " + outcome + ": " + message + "]";
    }
}
