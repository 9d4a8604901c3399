package dev.keywarden.sandbox;

import java.io.IOException;

import static dev.keywarden.sandbox.ManagementEndpoints.data;
import static dev.keywarden.sandbox.ManagementEndpoints.deleted;

/**
 * Renaming the organisation and its own keys (endpoints 11–16): the same shapes, masking, checks and errors
 * as project keys, without a project in the path.
 */
final class OrganizationEndpoints {

    private static final String ORGANIZATION = "/v1/organization";
    private static final String KEYS = ORGANIZATION + "/api-keys";
    private static final String KEY = KEYS + "/{apiKeyId}";

    private final SandboxStore store;
    private final KeyLifecycle lifecycle;

    OrganizationEndpoints(SandboxStore store) {
        this.store = store;
        this.lifecycle = new KeyLifecycle(store);
    }

    void registerOn(Router router, OrgKeyCheck orgKey) {
        router.add("PUT", ORGANIZATION, orgKey.guard(this::rename))
                .add("GET", KEYS, orgKey.guard(request -> data("apiKeys", lifecycle.orgKeys())))
                .add("POST", KEYS, orgKey.guard(this::createKey))
                .add("GET", KEY, orgKey.guard(this::getKey))
                .add("PUT", KEY, orgKey.guard(this::updateKey))
                .add("DELETE", KEY, orgKey.guard(this::deleteKey));
    }

    private Object rename(SandboxRequest request) throws IOException {
        String name = BodyFields.requiredName(request.jsonObjectBody(), "name");
        return data("organization", store.renameOrganization(name));
    }

    private Object createKey(SandboxRequest request) throws IOException {
        String name = BodyFields.requiredName(request.jsonObjectBody(), "name");
        return data("apiKey", store.createOrgKey(name));
    }

    private Object getKey(SandboxRequest request) {
        return data("apiKey", store.orgKey(keyId(request)).orElseThrow(ApiError::keyNotFound));
    }

    private Object updateKey(SandboxRequest request) throws IOException {
        long keyId = keyId(request);
        store.orgKey(keyId).orElseThrow(ApiError::keyNotFound);
        boolean valid = BodyFields.requiredBoolean(request.jsonObjectBody(), "valid");
        return data("apiKey", store.setOrgKeyValid(keyId, valid));
    }

    private Object deleteKey(SandboxRequest request) {
        long keyId = keyId(request);
        store.deleteOrgKey(keyId);
        return deleted(keyId);
    }

    private static long keyId(SandboxRequest request) {
        return request.keyIdParameter("apiKeyId");
    }
}
