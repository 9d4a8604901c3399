package dev.keywarden.sandbox;

import java.util.Map;

/** A request the sandbox refuses: the HTTP status and the short text sent in the error envelope. */
public final class ApiError extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    public ApiError(int status, String message) {
        this(status, message, Map.of());
    }

    private ApiError(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    /** Extra response headers, such as {@code Allow} on a 405. */
    public Map<String, String> headers() {
        return headers;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError invalidApiKey() {
        return new ApiError(401, "Invalid API key");
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    static ApiError projectNotFound() {
        return notFound("Project not found");
    }

    static ApiError keyNotFound() {
        return notFound("API key not found");
    }

    static ApiError methodNotAllowed(String allow) {
        return new ApiError(405, "Method not allowed", Map.of("Allow", allow));
    }

    static ApiError unsupportedMediaType(String message) {
        return new ApiError(415, message);
    }

    static ApiError conflict(String message) {
        return new ApiError(409, message);
    }
}
