package dev.keywarden.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.KeyLifetime;
import dev.keywarden.model.RotatedKey;
import dev.keywarden.model.Rotation;
import okhttp3.HttpUrl;

import java.util.List;
import java.util.Objects;

/** {@link KeyLifecycleApi} over the gateway's transport: the same deadline, retries, failures and key warnings. */
final class HttpKeyLifecycleApi implements KeyLifecycleApi {
    private static final String GET = "GET";
    private static final String POST = "POST";
    private static final String PUT = "PUT";
    private static final String DELETE = "DELETE";
    private static final String API_KEY = "apiKey";

    /** One call through the gateway, decoded. */
    @FunctionalInterface
    interface Caller {
        ResponseDecoder call(String method, HttpUrl url, JsonNode body);
    }

    private final Caller caller;
    private final HttpUrl base;

    HttpKeyLifecycleApi(Caller caller, HttpUrl base) {
        this.caller = caller;
        this.base = base;
    }

    @Override
    public List<ApiKey> listApiKeys(String projectId) {
        return caller.call(GET, projectKeys(projectId), null).requiredList("apiKeys", ApiKey.class);
    }

    @Override
    public ApiKey getApiKey(String projectId, long apiKeyId) {
        return caller.call(GET, projectKey(projectId, apiKeyId), null).required(API_KEY, ApiKey.class);
    }

    @Override
    public ApiKey createApiKey(String projectId, String name, KeyLifetime lifetime) {
        return caller.call(POST, projectKeys(projectId), WireBodies.newKey(requireName(name), lifetime))
                .required(API_KEY, ApiKey.class);
    }

    @Override
    public RotatedKey rotateApiKey(String projectId, long apiKeyId, Rotation rotation) {
        return rotated(caller.call(POST, url(projectKey(projectId, apiKeyId), "rotate"), WireBodies.rotation(rotation)));
    }

    @Override
    public ApiKey setApiKeyValid(String projectId, long apiKeyId, boolean valid) {
        return caller.call(PUT, projectKey(projectId, apiKeyId), WireBodies.apiKeyValidity(valid)).required(API_KEY, ApiKey.class);
    }

    @Override
    public void revokeApiKey(String projectId, long apiKeyId) {
        caller.call(DELETE, projectKey(projectId, apiKeyId), null).confirmId(Long.toString(apiKeyId));
    }

    @Override
    public List<ApiKey> listOrganizationApiKeys() {
        return caller.call(GET, orgKeys(), null).requiredList("apiKeys", ApiKey.class);
    }

    @Override
    public ApiKey getOrganizationApiKey(long apiKeyId) {
        return caller.call(GET, orgKey(apiKeyId), null).required(API_KEY, ApiKey.class);
    }

    @Override
    public ApiKey createOrganizationApiKey(String name, KeyLifetime lifetime) {
        return caller.call(POST, orgKeys(), WireBodies.newKey(requireName(name), lifetime)).required(API_KEY, ApiKey.class);
    }

    @Override
    public RotatedKey rotateOrganizationApiKey(long apiKeyId, Rotation rotation) {
        return rotated(caller.call(POST, url(orgKey(apiKeyId), "rotate"), WireBodies.rotation(rotation)));
    }

    @Override
    public ApiKey setOrganizationApiKeyValid(long apiKeyId, boolean valid) {
        return caller.call(PUT, orgKey(apiKeyId), WireBodies.apiKeyValidity(valid)).required(API_KEY, ApiKey.class);
    }

    @Override
    public void revokeOrganizationApiKey(long apiKeyId) {
        caller.call(DELETE, orgKey(apiKeyId), null).confirmId(Long.toString(apiKeyId));
    }

    /**
     * Which field carries the new raw value is not documented: the one that is not masked. A pending rotation
     * showing both raw takes {@code shadowValue}, the replacement by definition.
     */
    static String newRawValue(ApiKey key) {
        boolean rawValue = !key.isMasked();
        boolean rawShadow = key.shadowValue() != null && !key.shadowValue().isEmpty() && !key.shadowValue().startsWith("*");
        if (rawShadow && (!rawValue || key.isRotationPending())) {
            return key.shadowValue();
        }
        return rawValue && !key.value().isEmpty() ? key.value() : null;
    }

    private static RotatedKey rotated(ResponseDecoder answer) {
        ApiKey key = answer.required(API_KEY, ApiKey.class);
        String newValue = newRawValue(key);
        if (newValue == null) {
            throw answer.problem("data.apiKey shows no unmasked value, so the new value was not received");
        }
        return new RotatedKey(key, newValue);
    }

    private static String requireName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a key needs a name");
        }
        return name;
    }

    private HttpUrl projectKeys(String projectId) {
        return url(base, "v2", "projects", HttpConfidentApi.checkedId(projectId), "api-keys");
    }

    private HttpUrl projectKey(String projectId, long apiKeyId) {
        return url(projectKeys(projectId), Long.toString(apiKeyId));
    }

    private HttpUrl orgKeys() {
        return url(base, "v2", "organization", "api-keys");
    }

    private HttpUrl orgKey(long apiKeyId) {
        return url(orgKeys(), Long.toString(apiKeyId));
    }

    private static HttpUrl url(HttpUrl from, String... segments) {
        HttpUrl.Builder builder = Objects.requireNonNull(from).newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder.build();
    }
}
