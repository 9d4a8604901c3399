package dev.keywarden.api;

/** The server answered, but not in the documented shape: not JSON, a wrong type, a missing field. */
public final class ProtocolException extends ApiException {
    private final String detail;

    public ProtocolException(int status, String method, String path, String detail, Throwable cause) {
        super(status, detail, method, path, cause);
        this.detail = detail;
    }

    /** What was wrong with the answer, e.g. {@code missing field "created_at"}. */
    public String detail() {
        return detail;
    }

    @Override
    public String userMessage() {
        return "The server's answer was not in the expected form: " + detail + ". Is the base URL a Confident AI API?";
    }
}
