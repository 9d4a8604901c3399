package dev.keywarden.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends one API request with the auth and identity headers, retrying as {@link RetryPolicy}
 * allows, and hands back the 2xx answer or throws the typed {@link ApiException}.
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
    private volatile boolean closed;

    ApiTransport(OkHttpClient client, OrgKey key, ObjectMapper mapper, RetryPolicy retryPolicy, Sleeper sleeper, Clock clock) {
        this.client = client;
        this.key = key;
        this.redaction = new KeyRedaction(key);
        this.mapper = mapper;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** @param body the JSON to send, or null for none */
    RawResponse send(String method, HttpUrl url, JsonNode body) {
        String path = shownPath(url);
        Request request = request(method, url, body);
        for (int attempt = 1; ; attempt++) {
            RawResponse response;
            try {
                response = InterruptibleCall.execute(client, request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException(method, path);
            } catch (IOException e) {
                if (closed) {
                    throw new CancelledException(method, path);
                }
                if (!retryPolicy.mayRetry(method, attempt)) {
                    throw new NetworkException(method, path, redaction.cause(e));
                }
                pause(retryPolicy.backoff(attempt), method, path);
                continue;
            }
            if (response.isSuccessful()) {
                return response;
            }
            ApiException failure = failureOf(response, method, path);
            if (!RetryPolicy.isRetryableStatus(response.status()) || !retryPolicy.mayRetry(method, attempt)) {
                throw failure;
            }
            Duration retryAfter = failure instanceof UnavailableException unavailable ? unavailable.retryAfter() : null;
            Duration delay = retryPolicy.delayHonouring(retryAfter, attempt);
            if (delay == null) {
                throw failure;
            }
            pause(delay, method, path);
        }
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

    private Request request(String method, HttpUrl url, JsonNode body) {
        RequestBody requestBody = body == null ? null : RequestBody.create(toBytes(body), JSON);
        return new Request.Builder()
                .url(url)
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
