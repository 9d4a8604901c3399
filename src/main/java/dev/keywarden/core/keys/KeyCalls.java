package dev.keywarden.core.keys;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.KeyLifecycleApi;
import dev.keywarden.model.ApiKey;

import java.util.List;
import java.util.Optional;

/**
 * Reads and changes of keys that go to v2 when the server offers it, so that a key's expiry and a rotation in
 * flight ({@code expiresAt}, {@code shadowValue}, {@code rotatesAt}) are never lost to a v1 answer, which
 * leaves them out: a switch answered by v1 would otherwise show a rotating key as not rotating. On a server
 * without v2 these are the v1 calls. Which one is decided once, by {@link #of}; blocking, for a background thread.
 */
public final class KeyCalls {
    private final ConfidentApi api;
    private final KeyLifecycleApi v2;

    private KeyCalls(ConfidentApi api, KeyLifecycleApi v2) {
        this.api = api;
        this.v2 = v2;
    }

    /** Asks the gateway (once per gateway; it keeps the answer) whether the server offers v2. */
    public static KeyCalls of(ConfidentApi api) {
        return new KeyCalls(api, lifecycle(api).orElse(null));
    }

    /** The server's v2 key lifecycle, or empty when it has none or could not be asked (then v1 answers as before). */
    public static Optional<KeyLifecycleApi> lifecycle(ConfidentApi api) {
        try {
            return api.keyLifecycle();
        } catch (RuntimeException notAsked) {
            // Not kept by the gateway: the next KeyCalls asks again. The v1 call that follows meets the same trouble
            // and reports it in the usual words.
            return Optional.empty();
        }
    }

    public boolean offersLifecycle() {
        return v2 != null;
    }

    public List<ApiKey> projectKeys(String projectId) {
        return v2 != null ? v2.listApiKeys(projectId) : api.listApiKeys(projectId);
    }

    public List<ApiKey> organisationKeys() {
        return v2 != null ? v2.listOrganizationApiKeys() : api.listOrganizationApiKeys();
    }

    public ApiKey read(KeyRef ref) {
        if (v2 != null) {
            return ref.isOrganisationKey() ? v2.getOrganizationApiKey(ref.keyId()) : v2.getApiKey(ref.projectId(), ref.keyId());
        }
        return ref.isOrganisationKey() ? api.getOrganizationApiKey(ref.keyId()) : api.getApiKey(ref.projectId(), ref.keyId());
    }

    public ApiKey setValid(KeyRef ref, boolean valid) {
        if (v2 != null) {
            return ref.isOrganisationKey() ? v2.setOrganizationApiKeyValid(ref.keyId(), valid)
                    : v2.setApiKeyValid(ref.projectId(), ref.keyId(), valid);
        }
        return ref.isOrganisationKey() ? api.setOrganizationApiKeyValid(ref.keyId(), valid)
                : api.setApiKeyValid(ref.projectId(), ref.keyId(), valid);
    }

    public void revoke(KeyRef ref) {
        if (v2 != null && ref.isOrganisationKey()) {
            v2.revokeOrganizationApiKey(ref.keyId());
        } else if (v2 != null) {
            v2.revokeApiKey(ref.projectId(), ref.keyId());
        } else if (ref.isOrganisationKey()) {
            api.revokeOrganizationApiKey(ref.keyId());
        } else {
            api.revokeApiKey(ref.projectId(), ref.keyId());
        }
    }
}
