package dev.keywarden.api;

/** 404: unknown project or key, a key addressed under another project, or an unknown route. */
public final class NotFoundException extends ApiException {
    public NotFoundException(String serverError, String method, String path) {
        super(404, serverError, method, path, null);
    }

    @Override
    protected String plainSummary() {
        return "The server does not have it " + statusAndServerText() + "; it may have been deleted by someone else.";
    }

    @Override
    protected boolean thisAttemptLeftOutcomeUnknown() {
        return false; // the server answered that it refused the request as it stood
    }
}
