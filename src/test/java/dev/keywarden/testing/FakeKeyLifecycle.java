package dev.keywarden.testing;

import dev.keywarden.api.ConflictException;
import dev.keywarden.api.InvalidRequestException;
import dev.keywarden.api.KeyLifecycleApi;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.KeyLifetime;
import dev.keywarden.model.RotatedKey;
import dev.keywarden.model.Rotation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The v2 side of {@link FakeConfidentApi}, on the same keys and failures, with a clock the test moves
 * ({@link #setNow}). Follows the reference: lists complete rotations whose time has passed, one key does not;
 * rotating with a grace period answers with the new raw value in {@code shadowValue}, without one in
 * {@code value}; an expired key needs a new lifetime and takes no grace period. New values have the real shape
 * ({@code confident_us_proj_} + 44 characters of base64).
 */
public final class FakeKeyLifecycle implements KeyLifecycleApi {
    private static final String ORG = "/v2/organization/api-keys/";

    private final FakeConfidentApi fake;
    private final AtomicInteger rotations = new AtomicInteger();
    private volatile Instant now = FakeConfidentApi.T0;

    FakeKeyLifecycle(FakeConfidentApi fake) {
        this.fake = fake;
    }

    public void setNow(Instant instant) {
        now = instant;
    }

    public Instant now() {
        return now;
    }

    /** How many rotations were asked for, answered or not. */
    public int rotateCalls() {
        return rotations.get();
    }

    /** Arranges a key's expiry, as if it had been created or rotated with a lifetime. */
    public void setExpiresAt(long keyId, Instant expiresAt) {
        synchronized (fake) {
            replace(keyId, key -> new ApiKey(key.id(), key.name(), key.valid(), key.value(), key.createdAt(), key.lastUsed(),
                    expiresAt, key.shadowValue(), key.rotatesAt()));
        }
    }

    @Override
    public List<ApiKey> listApiKeys(String projectId) {
        synchronized (fake) {
            fake.takeArrangedFailures(-1);
            List<ApiKey> keys = projectKeys(projectId, "GET");
            keys.replaceAll(this::completedIfDue);
            return List.copyOf(keys);
        }
    }

    @Override
    public ApiKey getApiKey(String projectId, long apiKeyId) {
        synchronized (fake) {
            fake.takeArrangedFailures(-1);
            return find(projectKeys(projectId, "GET"), apiKeyId, "GET", projectPath(projectId, apiKeyId));
        }
    }

    @Override
    public ApiKey createApiKey(String projectId, String name, KeyLifetime lifetime) {
        synchronized (fake) {
            fake.takeArrangedFailures(-1);
            List<ApiKey> keys = projectKeys(projectId, "POST");
            long id = fake.takeKeyId();
            ApiKey created = new ApiKey(id, name, true, newValue("confident_us_proj_", id), now, null, expiry(lifetime), null, null);
            keys.add(created.masked());
            return created;
        }
    }

    @Override
    public RotatedKey rotateApiKey(String projectId, long apiKeyId, Rotation rotation) {
        rotations.incrementAndGet();
        fake.beforeChange(apiKeyId);
        synchronized (fake) {
            Runnable failAfter = fake.takeArrangedFailures(apiKeyId);
            String path = projectPath(projectId, apiKeyId) + "/rotate";
            RotatedKey rotated = rotate(projectKeys(projectId, "POST"), apiKeyId, rotation, "confident_us_proj_", path);
            failAfter.run();
            return rotated;
        }
    }

    @Override
    public ApiKey setApiKeyValid(String projectId, long apiKeyId, boolean valid) {
        fake.beforeChange(apiKeyId);
        synchronized (fake) {
            Runnable failAfter = fake.takeArrangedFailures(apiKeyId);
            ApiKey changed = setValid(projectKeys(projectId, "PUT"), apiKeyId, valid, projectPath(projectId, apiKeyId));
            failAfter.run();
            return changed;
        }
    }

    @Override
    public void revokeApiKey(String projectId, long apiKeyId) {
        fake.beforeChange(apiKeyId);
        synchronized (fake) {
            Runnable failAfter = fake.takeArrangedFailures(apiKeyId);
            if (!projectKeys(projectId, "DELETE").removeIf(k -> k.id() == apiKeyId)) {
                throw notFound("DELETE", projectPath(projectId, apiKeyId));
            }
            failAfter.run();
        }
    }

    @Override
    public List<ApiKey> listOrganizationApiKeys() {
        synchronized (fake) {
            fake.takeArrangedFailures(-1);
            fake.storedOrganizationKeys().replaceAll(this::completedIfDue);
            return List.copyOf(fake.storedOrganizationKeys());
        }
    }

    @Override
    public ApiKey getOrganizationApiKey(long apiKeyId) {
        synchronized (fake) {
            fake.takeArrangedFailures(-1);
            return find(fake.storedOrganizationKeys(), apiKeyId, "GET", ORG + apiKeyId);
        }
    }

    @Override
    public ApiKey createOrganizationApiKey(String name, KeyLifetime lifetime) {
        synchronized (fake) {
            fake.takeArrangedFailures(-1);
            long id = fake.takeKeyId();
            ApiKey created = new ApiKey(id, name, true, newValue("confident_us_org_", id), now, null, expiry(lifetime), null, null);
            fake.storedOrganizationKeys().add(created.masked());
            return created;
        }
    }

    @Override
    public RotatedKey rotateOrganizationApiKey(long apiKeyId, Rotation rotation) {
        rotations.incrementAndGet();
        fake.beforeChange(apiKeyId);
        synchronized (fake) {
            Runnable failAfter = fake.takeArrangedFailures(apiKeyId);
            RotatedKey rotated = rotate(fake.storedOrganizationKeys(), apiKeyId, rotation, "confident_us_org_", ORG + apiKeyId + "/rotate");
            failAfter.run();
            return rotated;
        }
    }

    @Override
    public ApiKey setOrganizationApiKeyValid(long apiKeyId, boolean valid) {
        fake.beforeChange(apiKeyId);
        synchronized (fake) {
            Runnable failAfter = fake.takeArrangedFailures(apiKeyId);
            ApiKey changed = setValid(fake.storedOrganizationKeys(), apiKeyId, valid, ORG + apiKeyId);
            failAfter.run();
            return changed;
        }
    }

    @Override
    public void revokeOrganizationApiKey(long apiKeyId) {
        fake.beforeChange(apiKeyId);
        synchronized (fake) {
            Runnable failAfter = fake.takeArrangedFailures(apiKeyId);
            if (!fake.storedOrganizationKeys().removeIf(k -> k.id() == apiKeyId)) {
                throw notFound("DELETE", ORG + apiKeyId);
            }
            failAfter.run();
        }
    }

    private RotatedKey rotate(List<ApiKey> keys, long keyId, Rotation rotation, String prefix, String path) {
        ApiKey old = completedIfDue(find(keys, keyId, "POST", path));
        if (old.isRotationPending()) {
            throw new ConflictException("A rotation of this key is already in flight", "POST", path);
        }
        boolean expired = old.isExpiredAt(now);
        if (expired && (rotation.keepsExpiry() || rotation.gracePeriodInHours() > 0)) {
            throw new InvalidRequestException(400, rotation.keepsExpiry()
                    ? "expiresInDays is required to rotate an expired key" : "An expired key cannot take a grace period",
                    "POST", path);
        }
        Instant expiresAt = rotation.keepsExpiry() ? old.expiresAt() : expiry(rotation.newLifetime());
        String value = newValue(prefix, keyId * 1000 + rotations.get());
        ApiKey answered;
        if (rotation.gracePeriodInHours() == 0) {
            answered = new ApiKey(keyId, old.name(), old.valid(), value, old.createdAt(), old.lastUsed(), expiresAt, null, null);
        } else {
            Instant rotatesAt = now.plus(Duration.ofHours(rotation.gracePeriodInHours()));
            if (expiresAt != null && rotatesAt.isAfter(expiresAt)) {
                rotatesAt = expiresAt;
            }
            answered = new ApiKey(keyId, old.name(), old.valid(), old.value(), old.createdAt(), old.lastUsed(), expiresAt, value, rotatesAt);
        }
        keys.replaceAll(k -> k.id() == keyId ? answered.masked() : k);
        return new RotatedKey(answered, value);
    }

    private ApiKey completedIfDue(ApiKey key) {
        if (!key.isRotationPending() || now.isBefore(key.rotatesAt())) {
            return key;
        }
        return new ApiKey(key.id(), key.name(), key.valid(), key.shadowValue(), key.createdAt(), key.lastUsed(), key.expiresAt(),
                null, null);
    }

    private static ApiKey setValid(List<ApiKey> keys, long keyId, boolean valid, String path) {
        ApiKey changed = find(keys, keyId, "PUT", path).withValid(valid);
        keys.replaceAll(k -> k.id() == keyId ? changed : k);
        return changed;
    }

    private void replace(long keyId, UnaryOperator<ApiKey> change) {
        fake.storedOrganizationKeys().replaceAll(k -> k.id() == keyId ? change.apply(k) : k);
        fake.storedProjectKeys().forEach(list -> list.replaceAll(k -> k.id() == keyId ? change.apply(k) : k));
    }

    private Instant expiry(KeyLifetime lifetime) {
        return lifetime.isNever() ? null : now.plus(Duration.ofDays(lifetime.days()));
    }

    private List<ApiKey> projectKeys(String projectId, String method) {
        List<ApiKey> keys = fake.storedKeys(projectId);
        if (keys == null) {
            throw new NotFoundException("Project not found", method, "/v2/projects/" + projectId + "/api-keys");
        }
        return keys;
    }

    private static ApiKey find(List<ApiKey> keys, long keyId, String method, String path) {
        return keys.stream().filter(k -> k.id() == keyId).findFirst().orElseThrow(() -> notFound(method, path));
    }

    private static NotFoundException notFound(String method, String path) {
        return new NotFoundException("API key not found", method, path);
    }

    private static String projectPath(String projectId, long keyId) {
        return "/v2/projects/" + projectId + "/api-keys/" + keyId;
    }

    /** The real shape: the prefix, 43 base64 characters and {@code =}, different for every seed. */
    static String newValue(String prefix, long seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("fake-key-" + seed).getBytes(StandardCharsets.UTF_8));
            return prefix + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
