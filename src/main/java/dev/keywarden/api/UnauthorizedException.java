package dev.keywarden.api;

/** 401: the organisation key is wrong, deactivated or deleted. */
public final class UnauthorizedException extends ApiException {
    public UnauthorizedException(String serverError, String method, String path) {
        super(401, serverError, method, path, null);
    }

    @Override
    public String userMessage() {
        return withServerText("The organisation API key was refused (401). Check the key in the connection settings.");
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
