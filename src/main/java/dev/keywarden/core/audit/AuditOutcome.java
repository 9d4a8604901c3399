package dev.keywarden.core.audit;

import dev.keywarden.api.ApiException;
import dev.keywarden.core.bulk.KeyResult;

/** How a change ended, as the audit trail records it. */
public enum AuditOutcome {
    /** The server made the change (it said so, or a re-read after a lost answer showed it). */
    SUCCESS,
    /** The change was not made. */
    FAILED,
    /** Whether the change was made is not known. */
    UNKNOWN;

    /** FAILED, or UNKNOWN when the failure may have left the change made ({@link ApiException#outcomeUnknown(Throwable)}). */
    public static AuditOutcome ofFailure(Throwable error) {
        return ApiException.outcomeUnknown(error) ? UNKNOWN : FAILED;
    }

    /**
     * Null for a key that was never sent, which is not a change. A change whose answer was lost is UNKNOWN
     * unless reading the key again showed it made: it was sent and may still land.
     */
    public static AuditOutcome of(KeyResult.Outcome outcome) {
        return switch (outcome) {
            case DONE, CHANGED_ANSWER_LOST -> SUCCESS;
            case FAILED -> FAILED;
            case NOT_CHANGED, UNKNOWN, ANSWER_LOST -> UNKNOWN;
            case NOT_SENT -> null;
        };
    }
}
