package dev.keywarden.api;

import java.time.Duration;

/** The call's overall deadline passed, over all its attempts and waits, before an answer arrived. */
public final class DeadlineExceededException extends NetworkException {
    private final Duration deadline;
    private final int attempts;

    DeadlineExceededException(String method, String path, Duration deadline, int attempts, Throwable cause,
                              boolean requestMayHaveBeenSent) {
        super(method, path, cause, NetworkFault.TIMED_OUT, requestMayHaveBeenSent);
        this.deadline = deadline;
        this.attempts = attempts;
    }

    /** How long the call was allowed, and waited. */
    public Duration deadline() {
        return deadline;
    }

    /** How many attempts were made within it. */
    public int attempts() {
        return attempts;
    }

    @Override
    protected String plainSummary() {
        return "The server did not answer within " + seconds() + ".";
    }

    @Override
    protected String moreDetail() {
        return "deadline " + deadline.toMillis() + " ms passed after " + attempts + (attempts == 1 ? " attempt" : " attempts");
    }

    private String seconds() {
        long millis = deadline.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
