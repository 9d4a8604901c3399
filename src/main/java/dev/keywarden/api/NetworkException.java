package dev.keywarden.api;

/** No usable answer: connection refused, timed out, reset, or a body cut short. */
public sealed class NetworkException extends ApiException permits DeadlineExceededException {
    private final NetworkFault fault;
    private final boolean requestMayHaveBeenSent;

    /** Whether the request had gone out is judged from the kind of failure. */
    public NetworkException(String method, String path, Throwable cause) {
        this(method, path, cause, NetworkFault.of(cause), NetworkFault.of(cause).mayHaveSent());
    }

    /**
     * @param fault                  classified from the original exception (the cause may be a redacted copy)
     * @param requestMayHaveBeenSent whether the request had started to go out, as the gateway saw it
     */
    NetworkException(String method, String path, Throwable cause, NetworkFault fault, boolean requestMayHaveBeenSent) {
        super(0, null, method, path, cause);
        this.fault = fault;
        this.requestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    public NetworkFault fault() {
        return fault;
    }

    /** Whether the request had started to go out; when false, the server certainly did nothing. */
    public boolean requestMayHaveBeenSent() {
        return requestMayHaveBeenSent;
    }

    @Override
    protected String plainSummary() {
        String where = origin() == null ? "the server" : origin();
        return switch (fault) {
            case REFUSED -> "Nothing is answering at " + where + ".";
            case UNKNOWN_HOST -> "The server name " + host(where) + " could not be found. Check the base URL and the network.";
            case CERTIFICATE -> "The server's certificate is not valid for " + host(where) + ".";
            case TLS -> "A secure connection to " + where + " could not be set up.";
            case TIMED_OUT -> "The server did not answer in time.";
            case CUT_OFF -> "The connection was cut off before the server answered.";
            case OTHER -> "Could not reach " + where + ".";
        };
    }

    @Override
    protected boolean thisAttemptLeftOutcomeUnknown() {
        return requestMayHaveBeenSent;
    }

    private static String host(String origin) {
        int colon = origin.lastIndexOf(':');
        return colon > 0 && !origin.endsWith("]") ? origin.substring(0, colon) : origin;
    }
}
