package dev.keywarden.api;

/** Any other 5xx: the server failed. */
public final class ServerException extends ApiException {
    public ServerException(int status, String serverError, String method, String path) {
        super(status, serverError, method, path, null);
    }

    @Override
    public String userMessage() {
        return withServerText("The server failed (" + status() + "). Nothing was changed on this side; try again.");
    }
}
