package dev.keywarden.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Sends one API request with the auth and identity headers, retrying as {@link RetryPolicy}
 * allows within one overall deadline, and hands back the 2xx answer or throws the typed
 * {@link ApiException}. Each attempt may take only what is left of the deadline, and a wait that
 * would pass it is not taken: the failure in hand is reported instead.
 */
final class ApiTransport {
    static final String KEY_HEADER = "CONFIDENT_API_KEY";
    static final String USER_AGENT = "keywarden/" + Version.get();
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client;
    private final OrgKey key;
    private final KeyRedaction redaction;
    private final ObjectMapper mapper;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Duration deadline;
    private volatile boolean closed;
    private volatile Consumer<Headers> answerHeaders = headers -> { };

    /** @param deadline how long one call may take in all, attempts and waits included */
    ApiTransport(OkHttpClient client, OrgKey key, ObjectMapper mapper, RetryPolicy retryPolicy, Sleeper sleeper, Clock clock,
                 Duration deadline) {
        this.client = client;
        this.key = key;
        this.redaction = new KeyRedaction(key);
        this.mapper = mapper;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** @param body the JSON to send, or null for none */
    RawResponse send(String method, HttpUrl url, JsonNode body) {
        String path = shownPath(url);
        Deadline deadline = Deadline.after(this.deadline);
        boolean earlierMayHaveApplied = false;
        for (int attempt = 1; ; attempt++) {
            ApiException failure;
            SendTracker tracker = new SendTracker();
            try {
                RawResponse response = InterruptibleCall.execute(client, request(method, url, body, tracker), deadline.remaining());
                answerHeaders.accept(response.headers());
                if (response.isSuccessful()) {
                    return response;
                }
                failure = failureOf(response, method, path);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw located(new CancelledException(method, path, tracker.requestMayHaveBeenSent()), url, earlierMayHaveApplied);
            } catch (TimeoutException e) {
                throw located(new DeadlineExceededException(method, path, deadline.total(), attempt, null,
                        tracker.requestMayHaveBeenSent()), url, earlierMayHaveApplied);
            } catch (IOException e) {
                if (closed) {
                    throw located(new CancelledException(method, path, tracker.requestMayHaveBeenSent()), url, earlierMayHaveApplied);
                }
                NetworkFault fault = NetworkFault.of(e);
                if (deadline.hasPassed()) {
                    throw located(new DeadlineExceededException(method, path, deadline.total(), attempt, redaction.cause(e),
                            tracker.requestMayHaveBeenSent()), url, earlierMayHaveApplied);
                }
                failure = new NetworkException(method, path, redaction.cause(e), fault, tracker.requestMayHaveBeenSent());
            }
            Duration delay = nextDelay(failure, method, attempt);
            if (delay == null || !deadline.allowsWaiting(delay)) {
                throw located(failure, url, earlierMayHaveApplied);
            }
            earlierMayHaveApplied |= failure.outcomeUnknown();
            pause(delay, method, path);
        }
    }

    /** The wait before trying again after {@code failure}, or null when it is not tried again. */
    private Duration nextDelay(ApiException failure, String method, int attempt) {
        if (!retryPolicy.mayRetry(method, attempt)) {
            return null;
        }
        if (failure instanceof NetworkException) {
            return retryPolicy.backoff(attempt);
        }
        if (!RetryPolicy.isRetryableStatus(failure.status())) {
            return null;
        }
        Duration retryAfter = failure instanceof UnavailableException unavailable ? unavailable.retryAfter() : null;
        return retryPolicy.delayHonouring(retryAfter, attempt);
    }

    private static ApiException located(ApiException failure, HttpUrl url, boolean earlierMayHaveApplied) {
        failure.origin(url.host() + ":" + url.port());
        if (earlierMayHaveApplied) {
            failure.earlierAttemptMayHaveApplied();
        }
        return failure;
    }

    /** Shown the headers of every answer that arrives, failures included; set once, before the first call. */
    void observeAnswerHeaders(Consumer<Headers> observer) {
        this.answerHeaders = observer;
    }

    /** The path as failures show it: the key cut out, should it have been typed where an id belongs. */
    String shownPath(HttpUrl url) {
        return redaction.text(url.encodedPath());
    }

    /** Calls the dispatcher is still running; a cancelled call leaves this promptly. */
    int callsInFlight() {
        return client.dispatcher().runningCallsCount();
    }

    OrgKey key() {
        return key;
    }

    /** Later and in-flight calls end in {@link CancelledException}. */
    void close() {
        closed = true;
        HttpClients.shutDown(client);
    }

    private Request request(String method, HttpUrl url, JsonNode body, SendTracker tracker) {
        RequestBody requestBody = body == null ? null : RequestBody.create(toBytes(body), JSON);
        return new Request.Builder()
                .url(url)
                .tag(SendTracker.class, tracker)
                .method(method, requestBody)
                .header(KEY_HEADER, key.reveal())
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json")
                .build();
    }

    private byte[] toBytes(JsonNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // cannot happen for a tree we built
        }
    }

    private ApiException failureOf(RawResponse response, String method, String path) {
        Duration retryAfter = RetryAfter.parse(response.headers().get("Retry-After"), clock.instant());
        String serverError = Failures.serverErrorText(response.body(), mapper, key);
        return Failures.forStatus(response.status(), serverError, method, path, retryAfter);
    }

    private void pause(Duration delay, String method, String path) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException(method, path);
        }
    }
}
