package dev.keywarden.api;

import okhttp3.OkHttpClient;

/**
 * Makes one call with a pasted organisation key, to show whether the server still accepts it (200)
 * or refuses it (401 once deactivated or revoked). A project key is refused here too: it is not an
 * organisation key.
 */
public final class OrganizationKeyProbe implements AutoCloseable {
    private final OkHttpClient client = HttpClients.create(ProbeCall.TIMEOUT, ProbeCall.TIMEOUT);

    /**
     * {@code GET /v1/organization} with {@code orgKey} in {@code CONFIDENT_API_KEY}.
     *
     * @return the HTTP status of the answer
     * @throws NetworkException   when no answer arrived
     * @throws CancelledException when the calling thread was interrupted
     */
    public int organizationStatus(String baseUrl, String orgKey) {
        return ProbeCall.status(client, baseUrl, "v1/organization", orgKey, "organisation API key");
    }

    @Override
    public void close() {
        HttpClients.shutDown(client);
    }
}
