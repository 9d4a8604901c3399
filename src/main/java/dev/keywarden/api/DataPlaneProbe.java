package dev.keywarden.api;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.io.IOException;
import java.time.Duration;

/**
 * Makes one data-plane call with a project key, to show whether the server still accepts that key
 * (200) or refuses it (401 once deactivated or revoked).
 */
public final class DataPlaneProbe implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OkHttpClient client = HttpClients.create(TIMEOUT, TIMEOUT);

    /**
     * {@code GET /v1/datasets} with {@code projectKey} in {@code CONFIDENT_API_KEY}.
     *
     * @return the HTTP status of the answer
     * @throws NetworkException   when no answer arrived
     * @throws CancelledException when the calling thread was interrupted
     */
    public int datasetsStatus(String baseUrl, String projectKey) {
        HttpUrl url = HttpUrl.get(BaseUrls.validate(baseUrl)).newBuilder().addPathSegments("v1/datasets").build();
        Request request = new Request.Builder()
                .url(url)
                .header(ApiTransport.KEY_HEADER, checkedKey(projectKey))
                .header("User-Agent", ApiTransport.USER_AGENT)
                .header("Accept", "application/json")
                .build();
        try {
            return InterruptibleCall.execute(client, request).status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("GET", url.encodedPath());
        } catch (IOException e) {
            throw new NetworkException("GET", url.encodedPath(), e);
        }
    }

    /** OkHttp would put a header value it refuses into its exception message; refuse it here without echoing it. */
    private static String checkedKey(String projectKey) {
        String key = projectKey == null ? "" : projectKey.strip();
        if (key.isEmpty() || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("The project API key is empty or holds characters that cannot be sent in a header.");
        }
        return key;
    }

    @Override
    public void close() {
        HttpClients.shutDown(client);
    }
}
