package dev.keywarden.api;

import java.time.Duration;

/** 429 (rate limited) or 503 (maintenance), with the server's {@code Retry-After} when it gave one. */
public final class UnavailableException extends ApiException {
    private final Duration retryAfter;

    public UnavailableException(int status, String serverError, String method, String path, Duration retryAfter) {
        super(status, serverError, method, path, null);
        this.retryAfter = retryAfter;
    }

    public boolean isRateLimited() {
        return status() == 429;
    }

    /** How long the server asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    protected String plainSummary() {
        String when = retryAfter == null ? " Try again shortly." : " Try again in " + retryAfter.toSeconds() + " s.";
        return (isRateLimited() ? "The server is limiting how often it may be asked (429)."
                : "The service is unavailable, perhaps for maintenance " + statusAndServerText() + ".") + when;
    }

    @Override
    protected String moreDetail() {
        return retryAfter == null ? null : "Retry-After " + retryAfter.toSeconds() + " s";
    }

    /** A 429 means the request was not taken; a 503 came after it arrived, from the server or a gateway in front. */
    @Override
    protected boolean thisAttemptLeftOutcomeUnknown() {
        return !isRateLimited();
    }
}
