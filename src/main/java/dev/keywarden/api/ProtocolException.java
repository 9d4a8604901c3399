package dev.keywarden.api;

/** The server answered, but not in the documented shape: not JSON, a wrong type, a missing field. */
public final class ProtocolException extends ApiException {
    private final String problem;
    private final String answerLooksLike;

    public ProtocolException(int status, String method, String path, String problem, Throwable cause) {
        this(status, method, path, problem, null, cause);
    }

    /** @param answerLooksLike what the body was instead, in plain words ("an HTML page"), or null */
    ProtocolException(int status, String method, String path, String problem, String answerLooksLike, Throwable cause) {
        super(status, problem, method, path, cause);
        this.problem = problem;
        this.answerLooksLike = answerLooksLike;
    }

    /** What was wrong with the answer, e.g. {@code missing field "created_at" in data.project}. */
    public String problem() {
        return problem;
    }

    @Override
    protected String plainSummary() {
        if (answerLooksLike != null) {
            return "The server sent something that is not Confident AI's API (" + answerLooksLike + "). Is the base URL right?";
        }
        if (status() >= 300 && status() < 400) {
            return "The server sent a redirect (" + status() + "), which Keywarden does not follow. Is the base URL right?";
        }
        return "The server's answer was not in the form Confident AI's API uses. Is the base URL right?";
    }

    /** A 2xx says the request was carried out, but what the server did cannot be read from it. */
    @Override
    protected boolean thisAttemptLeftOutcomeUnknown() {
        return status() >= 200 && status() < 300;
    }
}
