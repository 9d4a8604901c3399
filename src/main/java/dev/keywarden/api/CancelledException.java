package dev.keywarden.api;

/** The call was cancelled before an answer arrived; the server may or may not have acted on it. */
public final class CancelledException extends ApiException {
    private final boolean requestMayHaveBeenSent;

    /** Not knowing whether the request had gone, a change counts as possibly made. */
    public CancelledException(String method, String path) {
        this(method, path, true);
    }

    CancelledException(String method, String path, boolean requestMayHaveBeenSent) {
        super(0, null, method, path, null);
        this.requestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    @Override
    protected String plainSummary() {
        return "Cancelled before the server answered.";
    }

    @Override
    protected boolean thisAttemptLeftOutcomeUnknown() {
        return requestMayHaveBeenSent;
    }
}
