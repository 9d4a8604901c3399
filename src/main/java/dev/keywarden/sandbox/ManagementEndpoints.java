package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.CreatedProject;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The organisation and project endpoints of the management API (0–10), each a thin layer over the store. */
final class ManagementEndpoints {

    private static final String PROJECT = "/v1/projects/{projectId}";
    private static final String KEYS = PROJECT + "/api-keys";
    private static final String KEY = KEYS + "/{apiKeyId}";

    private final SandboxStore store;
    private final KeyLifecycle lifecycle;

    ManagementEndpoints(SandboxStore store) {
        this.store = store;
        this.lifecycle = new KeyLifecycle(store);
    }

    void registerOn(Router router, OrgKeyCheck orgKey) {
        router.add("GET", "/v1/organization", orgKey.guard(request -> data("organization", store.organization())))
                .add("GET", "/v1/projects", orgKey.guard(request -> data("projects", store.projects())))
                .add("POST", "/v1/projects", orgKey.guard(this::createProject))
                .add("GET", PROJECT, orgKey.guard(this::getProject))
                .add("PUT", PROJECT, orgKey.guard(this::updateProject))
                .add("DELETE", PROJECT, orgKey.guard(this::deleteProject))
                .add("GET", KEYS, orgKey.guard(request -> data("apiKeys", lifecycle.keys(projectId(request)))))
                .add("POST", KEYS, orgKey.guard(this::createKey))
                .add("GET", KEY, orgKey.guard(this::getKey))
                .add("PUT", KEY, orgKey.guard(this::updateKey))
                .add("DELETE", KEY, orgKey.guard(this::deleteKey));
    }

    private Object createProject(SandboxRequest request) throws IOException {
        ObjectNode body = request.jsonObjectBody();
        String name = BodyFields.requiredName(body, "name");
        String description = BodyFields.nullableText(body, "description", BodyFields.MAX_DESCRIPTION_LENGTH);
        BodyFields.optionalEmail(body, "email");
        CreatedProject created = store.createProject(name, description);
        Map<String, Object> data = data("project", created.project());
        data.put("apiKey", created.defaultKey());
        return data;
    }

    private Object getProject(SandboxRequest request) {
        return data("project", store.project(projectId(request)).orElseThrow(ApiError::projectNotFound));
    }

    private Object updateProject(SandboxRequest request) throws IOException {
        String projectId = projectId(request);
        store.project(projectId).orElseThrow(ApiError::projectNotFound);
        ObjectNode body = request.jsonObjectBody();
        ProjectPatch patch = new ProjectPatch(BodyFields.optionalName(body, "name"), false, null);
        if (body.has("description")) {
            patch = patch.withDescription(
                    BodyFields.nullableText(body, "description", BodyFields.MAX_DESCRIPTION_LENGTH));
        }
        return data("project", store.updateProject(projectId, patch));
    }

    private Object deleteProject(SandboxRequest request) {
        String projectId = projectId(request);
        store.deleteProject(projectId);
        return deleted(projectId);
    }

    private Object createKey(SandboxRequest request) throws IOException {
        String projectId = projectId(request);
        store.project(projectId).orElseThrow(ApiError::projectNotFound);
        String name = BodyFields.requiredName(request.jsonObjectBody(), "name");
        return data("apiKey", store.createKey(projectId, name));
    }

    private Object getKey(SandboxRequest request) {
        String projectId = projectId(request);
        long keyId = keyId(request);
        store.project(projectId).orElseThrow(ApiError::projectNotFound);
        ApiKey key = store.key(projectId, keyId).orElseThrow(ApiError::keyNotFound);
        return data("apiKey", key);
    }

    private Object updateKey(SandboxRequest request) throws IOException {
        String projectId = projectId(request);
        long keyId = keyId(request);
        store.key(projectId, keyId).orElseThrow(() -> store.project(projectId).isPresent()
                ? ApiError.keyNotFound() : ApiError.projectNotFound());
        boolean valid = BodyFields.requiredBoolean(request.jsonObjectBody(), "valid");
        return data("apiKey", store.setKeyValid(projectId, keyId, valid));
    }

    private Object deleteKey(SandboxRequest request) {
        String projectId = projectId(request);
        long keyId = keyId(request);
        store.deleteKey(projectId, keyId);
        return deleted(keyId);
    }

    private static String projectId(SandboxRequest request) {
        return request.pathParameter("projectId");
    }

    private static long keyId(SandboxRequest request) {
        return request.keyIdParameter("apiKeyId");
    }

    static Map<String, Object> deleted(Object id) {
        Map<String, Object> data = data("id", id);
        data.put("deleted", true);
        return data;
    }

    static Map<String, Object> data(String name, Object value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(name, value);
        return data;
    }
}
