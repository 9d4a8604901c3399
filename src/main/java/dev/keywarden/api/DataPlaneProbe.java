package dev.keywarden.api;

import okhttp3.OkHttpClient;

/**
 * Makes one data-plane call with a project key, to show whether the server still accepts that key
 * (200) or refuses it (401 once deactivated or revoked).
 */
public final class DataPlaneProbe implements AutoCloseable {
    private final OkHttpClient client = HttpClients.create(ProbeCall.TIMEOUT, ProbeCall.TIMEOUT);

    /**
     * {@code GET /v1/datasets} with {@code projectKey} in {@code CONFIDENT_API_KEY}.
     *
     * @return the HTTP status of the answer
     * @throws NetworkException   when no answer arrived
     * @throws CancelledException when the calling thread was interrupted
     */
    public int datasetsStatus(String baseUrl, String projectKey) {
        return ProbeCall.status(client, baseUrl, "v1/datasets", projectKey, "project API key");
    }

    @Override
    public void close() {
        HttpClients.shutDown(client);
    }
}
