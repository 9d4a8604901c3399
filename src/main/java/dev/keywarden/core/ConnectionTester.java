package dev.keywarden.core;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.OrgKey;
import dev.keywarden.model.Organization;

/**
 * Tries a connection by asking for the organisation ({@code GET /v1/organization}). Blocking:
 * run it through a {@link TaskRunner}. Failures are {@link dev.keywarden.api.ApiException}s, or
 * {@link IllegalArgumentException} for an unusable base URL.
 */
@FunctionalInterface
public interface ConnectionTester {

    Organization fetchOrganization(String baseUrl, OrgKey key);

    /** Opens a gateway for the test and closes it afterwards, whatever the outcome. */
    static ConnectionTester through(ApiFactory apiFactory) {
        return (baseUrl, key) -> fetchAndClose(apiFactory.open(ConnectionConfig.of(baseUrl, key)));
    }

    static Organization fetchAndClose(ConfidentApi api) {
        try (api) {
            return api.organization();
        }
    }
}
