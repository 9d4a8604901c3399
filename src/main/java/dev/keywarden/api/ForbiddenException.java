package dev.keywarden.api;

/** 403: the key is valid but may not do this. */
public final class ForbiddenException extends ApiException {
    public ForbiddenException(String serverError, String method, String path) {
        super(403, serverError, method, path, null);
    }

    @Override
    protected String plainSummary() {
        return "The organisation key is not allowed to do this " + statusAndServerText() + ".";
    }

    @Override
    protected boolean thisAttemptLeftOutcomeUnknown() {
        return false; // the server answered that it refused the request as it stood
    }
}
