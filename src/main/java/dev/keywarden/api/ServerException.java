package dev.keywarden.api;

/** Any other 5xx: the server failed. */
public final class ServerException extends ApiException {
    public ServerException(int status, String serverError, String method, String path) {
        super(status, serverError, method, path, null);
    }

    @Override
    protected String plainSummary() {
        return "The server failed " + statusAndServerText() + ".";
    }

    /** The request arrived; whether the server or a gateway in front of it failed before or after acting is not known. */
    @Override
    protected boolean thisAttemptLeftOutcomeUnknown() {
        return true;
    }
}
