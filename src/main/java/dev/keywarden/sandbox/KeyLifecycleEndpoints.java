package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.model.ApiKey;

import java.io.IOException;

import static dev.keywarden.sandbox.ManagementEndpoints.data;

/**
 * The v2 key paths ({@code /v2/organization/api-keys…}, {@code /v2/projects/:projectId/api-keys…}): the v1
 * operations with the lifecycle fields in every key, a lifetime on create, and {@code …/:apiKeyId/rotate}.
 * Checks come in the v1 order (key, id, existence, body); a deletion answers {@code {"id": <apiKeyId>}}.
 * Not registered with {@code --no-v2}, so those paths are then 404, as on a server without v2.
 */
final class KeyLifecycleEndpoints {

    private static final String ORG_KEYS = "/v2/organization/api-keys";
    private static final String ORG_KEY = ORG_KEYS + "/{apiKeyId}";
    private static final String PROJECT_KEYS = "/v2/projects/{projectId}/api-keys";
    private static final String PROJECT_KEY = PROJECT_KEYS + "/{apiKeyId}";
    private static final String ROTATE = "/rotate";
    private static final String API_KEY = "apiKey";

    private final SandboxStore store;
    private final KeyLifecycle lifecycle;

    KeyLifecycleEndpoints(SandboxStore store) {
        this.store = store;
        this.lifecycle = new KeyLifecycle(store);
    }

    void registerOn(Router router, OrgKeyCheck orgKey) {
        router.add("GET", ORG_KEYS, orgKey.guard(request -> data("apiKeys", LifecycleKeyJson.of(lifecycle.orgKeys()))))
                .add("POST", ORG_KEYS, orgKey.guard(this::createOrgKey))
                .add("GET", ORG_KEY, orgKey.guard(request -> key(store.orgKey(keyId(request)).orElseThrow(ApiError::keyNotFound))))
                .add("PUT", ORG_KEY, orgKey.guard(this::updateOrgKey))
                .add("DELETE", ORG_KEY, orgKey.guard(this::deleteOrgKey))
                .add("POST", ORG_KEY + ROTATE, orgKey.guard(this::rotateOrgKey))
                .add("GET", PROJECT_KEYS, orgKey.guard(request -> data("apiKeys", LifecycleKeyJson.of(lifecycle.keys(projectId(request))))))
                .add("POST", PROJECT_KEYS, orgKey.guard(this::createKey))
                .add("GET", PROJECT_KEY, orgKey.guard(this::getKey))
                .add("PUT", PROJECT_KEY, orgKey.guard(this::updateKey))
                .add("DELETE", PROJECT_KEY, orgKey.guard(this::deleteKey))
                .add("POST", PROJECT_KEY + ROTATE, orgKey.guard(this::rotateKey));
    }

    private Object createOrgKey(SandboxRequest request) throws IOException {
        ObjectNode body = request.jsonObjectBody();
        String name = BodyFields.requiredName(body, "name");
        return key(lifecycle.createOrgKey(name, LifecycleFields.lifetime(body)));
    }

    private Object updateOrgKey(SandboxRequest request) throws IOException {
        long keyId = keyId(request);
        store.orgKey(keyId).orElseThrow(ApiError::keyNotFound);
        boolean valid = BodyFields.requiredBoolean(request.jsonObjectBody(), "valid");
        return key(store.setOrgKeyValid(keyId, valid));
    }

    private Object deleteOrgKey(SandboxRequest request) {
        long keyId = keyId(request);
        store.deleteOrgKey(keyId);
        return data("id", keyId);
    }

    private Object rotateOrgKey(SandboxRequest request) throws IOException {
        long keyId = keyId(request);
        store.orgKey(keyId).orElseThrow(ApiError::keyNotFound);
        RotationRequest rotation = LifecycleFields.rotation(request.optionalJsonObjectBody());
        return key(lifecycle.rotateOrgKey(keyId, rotation));
    }

    private Object createKey(SandboxRequest request) throws IOException {
        String projectId = projectId(request);
        store.project(projectId).orElseThrow(ApiError::projectNotFound);
        ObjectNode body = request.jsonObjectBody();
        String name = BodyFields.requiredName(body, "name");
        return key(lifecycle.createKey(projectId, name, LifecycleFields.lifetime(body)));
    }

    private Object getKey(SandboxRequest request) {
        String projectId = projectId(request);
        long keyId = keyId(request);
        store.project(projectId).orElseThrow(ApiError::projectNotFound);
        return key(store.key(projectId, keyId).orElseThrow(ApiError::keyNotFound));
    }

    private Object updateKey(SandboxRequest request) throws IOException {
        String projectId = existingKey(request);
        boolean valid = BodyFields.requiredBoolean(request.jsonObjectBody(), "valid");
        return key(store.setKeyValid(projectId, keyId(request), valid));
    }

    private Object deleteKey(SandboxRequest request) {
        String projectId = projectId(request);
        long keyId = keyId(request);
        store.deleteKey(projectId, keyId);
        return data("id", keyId);
    }

    private Object rotateKey(SandboxRequest request) throws IOException {
        String projectId = existingKey(request);
        RotationRequest rotation = LifecycleFields.rotation(request.optionalJsonObjectBody());
        return key(lifecycle.rotateKey(projectId, keyId(request), rotation));
    }

    /** 404 for an unknown project, then for an unknown key; the project id when both exist. */
    private String existingKey(SandboxRequest request) {
        String projectId = projectId(request);
        long keyId = keyId(request);
        store.key(projectId, keyId).orElseThrow(() -> store.project(projectId).isPresent()
                ? ApiError.keyNotFound() : ApiError.projectNotFound());
        return projectId;
    }

    private static Object key(ApiKey key) {
        return data(API_KEY, LifecycleKeyJson.of(key));
    }

    private static String projectId(SandboxRequest request) {
        return request.pathParameter("projectId");
    }

    private static long keyId(SandboxRequest request) {
        return request.keyIdParameter("apiKeyId");
    }
}
