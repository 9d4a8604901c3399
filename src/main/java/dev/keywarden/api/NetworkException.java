package dev.keywarden.api;

/** No usable answer: connection refused, timed out, reset, or a body cut short. */
public final class NetworkException extends ApiException {
    public NetworkException(String method, String path, Throwable cause) {
        super(0, null, method, path, cause);
    }

    @Override
    public String userMessage() {
        String detail = getCause() == null || getCause().getMessage() == null ? "" : " (" + getCause().getMessage() + ")";
        return "Could not reach the server" + detail + ". Check the network and the base URL, then try again.";
    }
}
