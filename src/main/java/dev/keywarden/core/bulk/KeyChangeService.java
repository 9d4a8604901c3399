package dev.keywarden.core.bulk;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyCalls;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;

/**
 * The one way to change a key (switch it off or on, revoke it), used by the console's switch, the bulk
 * executor and the command line alike. Each step is a blocking call for a background thread and returns a
 * {@link KeyResult}, from which the audit entry and the words shown are built, the same everywhere.
 *
 * <p>A change whose answer is lost (a timeout, a cut connection, a 5xx after sending:
 * {@link ApiException#outcomeUnknown(Throwable)}) may have been made: the key is read again
 * ({@link #readAgain}) and the result says what the server has. When that read shows the key unchanged,
 * or fails, the change may still land, so whoever sent it reads it once more after the call deadline
 * ({@link #settle}) and records what that read shows.
 */
public final class KeyChangeService {
    private KeyChangeService() {
    }

    /** Sends the change and, when its answer is lost, reads the key again at once: never {@code ANSWER_LOST}. */
    public static KeyResult change(ConfidentApi api, KeyEntry entry, KeyAction action) {
        KeyResult sent = send(api, entry, action);
        return sent.isAnswerLost() ? readAgain(api, sent) : sent;
    }

    /**
     * Sends the change only: {@code DONE} with the server's answer, {@code FAILED} (nothing was made), or
     * {@code ANSWER_LOST}, to be passed to {@link #readAgain}. Revoking a key the server no longer has is done.
     */
    public static KeyResult send(ConfidentApi api, KeyEntry entry, KeyAction action) {
        KeyRef ref = entry.ref();
        try {
            if (action == KeyAction.REVOKE) {
                KeyCalls.of(api).revoke(ref);
                return KeyResult.done(entry, action, null);
            }
            Boolean valid = action.wantedValid();
            if (valid == null) {
                throw new IllegalArgumentException("Only deactivating, reactivating and revoking change a key.");
            }
            ApiKey after = KeyCalls.of(api).setValid(ref, valid);
            return KeyResult.done(entry, action, after.masked());
        } catch (NotFoundException e) {
            return action == KeyAction.REVOKE ? KeyResult.alreadyGone(entry, action, e) : KeyResult.failed(entry, action, e);
        } catch (RuntimeException e) {
            return ApiException.outcomeUnknown(e) ? KeyResult.answerLost(entry, action, e) : KeyResult.failed(entry, action, e);
        }
    }

    /**
     * After a lost answer: reads the key and says what the server has: {@code CHANGED_ANSWER_LOST},
     * {@code NOT_CHANGED} (it may still land) or {@code UNKNOWN} (the read failed too).
     */
    public static KeyResult readAgain(ConfidentApi api, KeyResult lost) {
        KeyEntry entry = lost.entry();
        KeyAction action = lost.action();
        Exception error = lost.error();
        ApiKey now;
        try {
            now = read(api, entry.ref());
        } catch (NotFoundException gone) {
            return action == KeyAction.REVOKE ? KeyResult.changedAnswerLost(entry, action, null, error) : KeyResult.failed(entry, action, gone);
        } catch (RuntimeException rereadError) {
            return notReadAgain(lost, rereadError);
        }
        return shows(action, now) ? KeyResult.changedAnswerLost(entry, action, now.masked(), error)
                : KeyResult.notChanged(entry, action, now.masked(), error);
    }

    /** A change that failed outside the call itself (it could not be started): {@code FAILED}. */
    public static KeyResult failedToSend(KeyEntry entry, KeyAction action, Exception why) {
        return KeyResult.failed(entry, action, why);
    }

    /** After a lost answer, the key could not be read again (the read failed or was cancelled): {@code UNKNOWN}. */
    public static KeyResult notReadAgain(KeyResult lost, Exception why) {
        return KeyResult.unknown(lost.entry(), lost.action(), lost.error(), why);
    }

    /**
     * For a change that may still land ({@link KeyResult#mayStillLand()}), once the call deadline has passed:
     * reads the key again and settles it: {@code CHANGED_ANSWER_LOST} (it landed late), {@code FAILED} (it did
     * not), or {@code UNKNOWN} (the read failed again). Any other result is returned as it is.
     */
    public static KeyResult settle(ConfidentApi api, KeyResult unsettled) {
        if (!unsettled.mayStillLand()) {
            return unsettled;
        }
        KeyEntry entry = unsettled.entry();
        KeyAction action = unsettled.action();
        Exception error = unsettled.error();
        ApiKey now;
        try {
            now = read(api, entry.ref());
        } catch (NotFoundException gone) {
            return action == KeyAction.REVOKE ? KeyResult.landedLate(entry, action, null, error) : KeyResult.failed(entry, action, gone);
        } catch (RuntimeException rereadError) {
            return KeyResult.stillUnknown(entry, action, error, rereadError);
        }
        return shows(action, now) ? KeyResult.landedLate(entry, action, now.masked(), error)
                : KeyResult.didNotLand(entry, action, now.masked(), error);
    }

    /** Whether the key as read shows the change made (a revoked key is never read back). */
    private static boolean shows(KeyAction action, ApiKey now) {
        return action != KeyAction.REVOKE && now.valid() == action.wantedValid();
    }

    private static ApiKey read(ConfidentApi api, KeyRef ref) {
        return KeyCalls.of(api).read(ref);
    }
}
