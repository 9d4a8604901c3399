package dev.keywarden.api;

/** 409: for example a project name that is already taken in the organisation. */
public final class ConflictException extends ApiException {
    public ConflictException(String serverError, String method, String path) {
        super(409, serverError, method, path, null);
    }

    @Override
    protected String plainSummary() {
        return "The server refused this because it clashes with what exists " + statusAndServerText() + ".";
    }

    @Override
    protected boolean thisAttemptLeftOutcomeUnknown() {
        return false; // the server answered that it refused the request as it stood
    }
}
