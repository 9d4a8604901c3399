package dev.keywarden.api;

/**
 * A failed call to the management API. Carries the HTTP status (0 when no answer arrived), the
 * server's {@code error} text (null when there was none), the method and the path. Never the key.
 */
public abstract sealed class ApiException extends RuntimeException
        permits UnauthorizedException, ForbiddenException, NotFoundException, ConflictException,
        InvalidRequestException, UnavailableException, ServerException, NetworkException,
        ProtocolException, CancelledException {

    private final int status;
    private final String serverError;
    private final String method;
    private final String path;

    protected ApiException(int status, String serverError, String method, String path, Throwable cause) {
        super(callAndAnswer(status, serverError, method, path), cause);
        this.status = status;
        this.serverError = serverError;
        this.method = method;
        this.path = path;
    }

    private static String callAndAnswer(int status, String serverError, String method, String path) {
        String call = method + " " + path;
        String answer = status == 0 ? "no answer" : "HTTP " + status;
        return serverError == null ? call + ": " + answer : call + ": " + answer + ": " + serverError;
    }

    public int status() {
        return status;
    }

    /** The server's {@code error} text, or null. */
    public String serverError() {
        return serverError;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** One sentence for an admin: what went wrong and, where it helps, what to do. */
    public abstract String userMessage();

    protected final String withServerText(String sentence) {
        return serverError == null || serverError.isBlank() ? sentence : sentence + " The server said: " + serverError;
    }
}
