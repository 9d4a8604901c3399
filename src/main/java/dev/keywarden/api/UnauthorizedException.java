package dev.keywarden.api;

/** 401: the organisation key is wrong, deactivated or deleted. */
public final class UnauthorizedException extends ApiException {
    public UnauthorizedException(String serverError, String method, String path) {
        super(401, serverError, method, path, null);
    }

    @Override
    protected String plainSummary() {
        return "The server refused the organisation key " + statusAndServerText() + ".";
    }

    @Override
    protected boolean thisAttemptLeftOutcomeUnknown() {
        return false; // the server answered that it refused the request as it stood
    }
}
