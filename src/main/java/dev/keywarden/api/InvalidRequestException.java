package dev.keywarden.api;

/** 400 or 422: a missing or ill-typed field, or a value the server will not take. */
public final class InvalidRequestException extends ApiException {
    public InvalidRequestException(int status, String serverError, String method, String path) {
        super(status, serverError, method, path, null);
    }

    @Override
    protected String plainSummary() {
        return "The server refused the request as invalid " + statusAndServerText() + ".";
    }

    @Override
    protected boolean thisAttemptLeftOutcomeUnknown() {
        return false; // the server answered that it refused the request as it stood
    }
}
