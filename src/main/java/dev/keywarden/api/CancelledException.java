package dev.keywarden.api;

/** The call was cancelled before an answer arrived; the server may or may not have acted on it. */
public final class CancelledException extends ApiException {
    public CancelledException(String method, String path) {
        super(0, null, method, path, null);
    }

    @Override
    public String userMessage() {
        return "Cancelled.";
    }
}
