package dev.keywarden.api;

import dev.keywarden.common.Causes;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A failed call to the management API. Carries the HTTP status (0 when no answer arrived), the
 * server's {@code error} text (null when there was none), the method and the path. Never the key.
 *
 * <p>Three ways to show it: {@link #summary()} in plain words for the admin, {@link #detail()} with
 * the technical text for a "Details" expander, and {@link #getMessage()} for logs. The server's text is
 * in all three as the server sent it: what is shown passes through {@code core.PlainWords}, which
 * masks every key shape and makes control characters visible.
 *
 * <p><b>Whether a change may have been made</b> ({@link #outcomeUnknown()}): true only for a
 * change (PUT, POST, DELETE) whose request was, or may have been, sent and whose answer was then
 * lost (timed out, connection reset, body cut short, cancelled) or was a 5xx (the server or a
 * gateway in front of it failed after the request arrived); also when an earlier attempt of the
 * same call ended like that. False for a GET, for a connection that failed before anything was
 * sent (refused, unknown host, TLS handshake), for a 4xx or 429 (the request was refused as it
 * stood), and for an answer that said success. When it is true the caller should read the object
 * again and show what the server has.
 */
public abstract sealed class ApiException extends RuntimeException
        permits UnauthorizedException, ForbiddenException, NotFoundException, ConflictException,
        InvalidRequestException, UnavailableException, ServerException, NetworkException,
        ProtocolException, CancelledException {

    private static final Set<String> CHANGES = Set.of("PUT", "POST", "DELETE", "PATCH");

    private final int status;
    private final String serverError;
    private final String method;
    private final String path;
    private volatile String origin;
    private volatile boolean earlierAttemptUnknown;

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

    /** {@code host:port} the call went to, or null when not known. */
    public String origin() {
        return origin;
    }

    /**
     * What went wrong in plain words, without Java or network jargon, e.g. "Nothing is answering at
     * 127.0.0.1:8791." When a change may have been made anyway, says so.
     */
    public final String summary() {
        String plain = plainSummary();
        return outcomeUnknown() ? plain + " The change may still have been made on the server." : plain;
    }

    /** {@link #summary()} without the note about the outcome: what is wrong with the server or the call. */
    protected abstract String plainSummary();

    /** What went wrong, in plain words, without the note about a change's outcome (e.g. for the connection's state). */
    public final String situation() {
        return plainSummary();
    }

    /**
     * The technical detail behind the summary: the call, where it went, the HTTP status, the server's
     * text, the underlying exception. Never the key.
     */
    public String detail() {
        StringBuilder text = new StringBuilder(method).append(' ').append(path);
        if (origin != null) {
            text.append(" at ").append(origin);
        }
        text.append(": ").append(status == 0 ? "no HTTP answer" : "HTTP " + status);
        if (serverError != null) {
            text.append("; the server said: ").append(serverError);
        }
        String more = moreDetail();
        if (more != null) {
            text.append("; ").append(more);
        }
        for (Throwable cause = getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        text.append(outcomeUnknown() ? "; outcome unknown: the request may have been applied" : "");
        return text.toString();
    }

    /** What a subclass adds to {@link #detail()}, or null. */
    protected String moreDetail() {
        return null;
    }

    /** Whether a change may have been made although this failure was the answer; see the class comment. */
    public boolean outcomeUnknown() {
        return isChange() && (earlierAttemptUnknown || thisAttemptLeftOutcomeUnknown());
    }

    /** For this failure alone, ignoring earlier attempts; only asked for a change. */
    protected abstract boolean thisAttemptLeftOutcomeUnknown();

    /** Whether the method asks the server to change something. */
    public final boolean isChange() {
        return method != null && CHANGES.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * {@link #outcomeUnknown()} for any failure a background call reports, looking through
     * {@link ExecutionException} and {@link CompletionException}: false for failures that are not
     * from the gateway (they happened before or after the call).
     */
    public static boolean outcomeUnknown(Throwable failure) {
        return Causes.unwrap(failure) instanceof ApiException api && api.outcomeUnknown();
    }

    /** Set by the gateway before it throws. */
    void origin(String hostAndPort) {
        this.origin = hostAndPort;
    }

    /** Set by the gateway before it throws, when an earlier attempt may have made the change. */
    void earlierAttemptMayHaveApplied() {
        this.earlierAttemptUnknown = true;
    }

    /** "(401 Invalid API key)" or "(401)". */
    protected final String statusAndServerText() {
        return serverError == null || serverError.isBlank() ? "(" + status + ")" : "(" + status + " " + serverError + ")";
    }

    /** "at host:port" or "" when not known. */
    protected final String atOrigin() {
        return origin == null ? "" : " at " + origin;
    }
}
