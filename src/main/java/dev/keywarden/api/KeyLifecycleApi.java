package dev.keywarden.api;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.KeyLifetime;
import dev.keywarden.model.RotatedKey;
import dev.keywarden.model.Rotation;

import java.util.List;

/**
 * The v2 key lifecycle (expiry and rotation), one blocking method per {@code /v2/…} endpoint, named as their v1
 * twins in {@link ConfidentApi}. Keys read here carry {@code expiresAt}, {@code shadowValue} and
 * {@code rotatesAt}. Only servers that offer v2 have it: get it from {@link ConfidentApi#keyLifecycle()}.
 * Failures, retries (never for POST), the deadline and cancellation are as in {@link ConfidentApi}.
 */
public interface KeyLifecycleApi {

    /**
     * {@code GET /v2/projects/:projectId/api-keys}, values masked. The server first completes every rotation
     * whose grace period has run out, so none is listed as pending.
     */
    List<ApiKey> listApiKeys(String projectId);

    /** {@code GET /v2/projects/:projectId/api-keys/:apiKeyId}, masked; may show a {@code rotatesAt} in the past. */
    ApiKey getApiKey(String projectId, long apiKeyId);

    /**
     * {@code POST /v2/projects/:projectId/api-keys} with {@code {"name": …, "expiresInDays": …}}: the only
     * answer that holds the raw value. Never retried.
     */
    ApiKey createApiKey(String projectId, String name, KeyLifetime lifetime);

    /**
     * {@code POST /v2/projects/:projectId/api-keys/:apiKeyId/rotate} with {@code gracePeriodInHours} and
     * {@code expiresInDays}: the key keeps its id and name and gets a new value, returned here only. Never
     * retried. An answer holding no raw value is a {@link ProtocolException} whose outcome is unknown.
     */
    RotatedKey rotateApiKey(String projectId, long apiKeyId, Rotation rotation);

    /** {@code PUT /v2/projects/:projectId/api-keys/:apiKeyId} with {@code {"valid": …}}; reactivating brings the same value back. */
    ApiKey setApiKeyValid(String projectId, long apiKeyId, boolean valid);

    /** {@code DELETE /v2/projects/:projectId/api-keys/:apiKeyId}: permanent; the value and any replacement in flight stop. */
    void revokeApiKey(String projectId, long apiKeyId);

    /** {@code GET /v2/organization/api-keys}, masked, completed rotations first, as {@link #listApiKeys}. */
    List<ApiKey> listOrganizationApiKeys();

    /** {@code GET /v2/organization/api-keys/:apiKeyId}, masked; may show a {@code rotatesAt} in the past. */
    ApiKey getOrganizationApiKey(long apiKeyId);

    /** {@code POST /v2/organization/api-keys} with a lifetime: the only answer that holds the raw value. Never retried. */
    ApiKey createOrganizationApiKey(String name, KeyLifetime lifetime);

    /**
     * {@code POST /v2/organization/api-keys/:apiKeyId/rotate}, as {@link #rotateApiKey}. Rotating the key this
     * connection uses leaves the connection on the outgoing value: answers then carry a {@link KeyWarning}.
     */
    RotatedKey rotateOrganizationApiKey(long apiKeyId, Rotation rotation);

    /** {@code PUT /v2/organization/api-keys/:apiKeyId} with {@code {"valid": …}}. */
    ApiKey setOrganizationApiKeyValid(long apiKeyId, boolean valid);

    /** {@code DELETE /v2/organization/api-keys/:apiKeyId}: permanent; both values stop. */
    void revokeOrganizationApiKey(long apiKeyId);
}
