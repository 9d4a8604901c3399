package dev.keywarden.api;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.io.IOException;
import java.time.Duration;

/**
 * Makes one call with a pasted key, to show whether the server still accepts it: the HTTP status of
 * the answer, and nothing else. Which probe judges which kind of key, and what a status means, is
 * decided in {@code core.check}; this class only sends.
 */
public final class KeyProbe implements AutoCloseable {
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);
    /** The header that chooses the project of a global key's data-plane call. */
    public static final String PROJECT_HEADER = "CONFIDENT_PROJECT_ID";

    /** The calls a key can be tried with. */
    public enum Probe {
        /** {@code GET /v1/organization}: accepts organisation keys only. */
        ORGANIZATION("v1/organization"),
        /** {@code GET /v1/datasets}: a data-plane call, for project keys (and global keys with a project id). */
        DATASETS("v1/datasets");

        private final String pathSegments;

        Probe(String pathSegments) {
            this.pathSegments = pathSegments;
        }

        /** "GET /v1/organization". */
        public String call() {
            return "GET /" + pathSegments;
        }
    }

    private final OkHttpClient client;

    public KeyProbe() {
        this(DEFAULT_DEADLINE);
    }

    /** @param deadline how long the one call may take in all */
    public KeyProbe(Duration deadline) {
        this.client = HttpClients.create(deadline, deadline);
    }

    /**
     * One {@code GET} with {@code key} in {@code CONFIDENT_API_KEY}.
     *
     * @param projectId sent as {@value #PROJECT_HEADER}, or null
     * @return the HTTP status of the answer
     * @throws IllegalArgumentException when the key or project id cannot be sent in a header (the message holds neither)
     * @throws NetworkException         when no answer arrived (the key is never in it)
     * @throws CancelledException       when the calling thread was interrupted
     */
    public int status(String baseUrl, Probe probe, String key, String projectId) {
        HttpUrl url = HttpUrl.get(BaseUrls.validate(baseUrl)).newBuilder().addPathSegments(probe.pathSegments).build();
        String sent = headerValue(key, "key");
        Request.Builder request = new Request.Builder()
                .url(url)
                .header(ApiTransport.KEY_HEADER, sent)
                .header("User-Agent", ApiTransport.USER_AGENT)
                .header("Accept", "application/json");
        if (projectId != null) {
            request.header(PROJECT_HEADER, headerValue(projectId, "project id"));
        }
        try {
            return InterruptibleCall.execute(client, request.build()).status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("GET", url.encodedPath(), false);
        } catch (IOException e) {
            NetworkException failure = new NetworkException("GET", url.encodedPath(), new KeyRedaction(OrgKey.of(sent)).cause(e));
            failure.origin(url.host() + ":" + url.port());
            throw failure;
        }
    }

    /** OkHttp would put a header value it refuses into its exception message; refuse it here without echoing it. */
    private static String headerValue(String value, String what) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("The " + what + " is empty or holds characters that cannot be sent in a header.");
        }
        return stripped;
    }

    @Override
    public void close() {
        HttpClients.shutDown(client);
    }
}
