package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.sandbox.SandboxStore.Checked;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether a raw key value authenticates a call, and records the key's use: an organisation key for
 * management calls, a project key for the data plane. A value is refused when its key is unknown, deactivated
 * or revoked, or expired ({@code expiresAt} passed). While a rotation is in flight both values work; the
 * outgoing one only until {@code rotatesAt}, and its calls are told when it stops (the {@link Admission}'s
 * sunset, sent as headers). The rotation need not be completed for that: the clock decides.
 *
 * <p>Works on {@link SandboxStore}'s state under its rules: a use is checked against the accepted state and
 * recorded best effort ({@link SandboxStore#recordUse}: a use that cannot be saved is logged and the call still
 * answered), and the key the sandbox was started with is used in memory only, without waiting for the disk.
 */
final class KeyAdmission {

    /** An accepted call: the project of a project key (null for an organisation key); the sunset of an outgoing value, or null. */
    record Admission(Project project, Instant sunset) {
    }

    private final SandboxStore store;

    KeyAdmission(SandboxStore store) {
        this.store = store;
    }

    /** Whether {@code key}, found by the value whose digest is {@code digest}, lets a call in at {@code now}. */
    static boolean admits(ApiKey key, String digest, Instant now) {
        if (key == null || !key.valid() || key.isExpiredAt(now)) {
            return false;
        }
        return isReplacement(key, digest) || key.rotatesAt() == null || now.isBefore(key.rotatesAt());
    }

    /** When the value with {@code digest} stops working because its key is being rotated; null when it does not. */
    static Instant sunset(ApiKey key, String digest) {
        return key.rotatesAt() == null || isReplacement(key, digest) ? null : key.rotatesAt();
    }

    private static boolean isReplacement(ApiKey key, String digest) {
        return key.shadowValue() != null && MessageDigest.isEqual(
                ValueDigest.of(key.shadowValue()).getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII));
    }

    /** Authenticates a management call with an organisation key, moving its {@code lastUsed}; empty when refused. */
    Optional<Admission> admitOrgKey(String rawValue) {
        if (rawValue == null) {
            return Optional.empty();
        }
        String digest = ValueDigest.of(rawValue);
        synchronized (store.stateLock) {
            Instant now = store.now();
            ApiKey key = store.state.orgKeyByValueDigest(digest);
            if (!admits(key, digest, now)) {
                return Optional.empty();
            }
            if (store.state.isAdminKey(key.id())) {
                new Change.OrgKeyUsed(key.id(), now).applyTo(store.state);
                return Optional.of(new Admission(null, sunset(key, digest)));
            }
        }
        return store.recordUse(() -> {
            // Looked up again, and the time taken again: it may have been switched off, or expired, meanwhile.
            Instant now = store.now();
            ApiKey key = store.accepted().orgKeyByValueDigest(digest);
            if (!admits(key, digest, now)) {
                return new Checked<>(null, Optional.<Admission>empty());
            }
            return new Checked<>(new Change.OrgKeyUsed(key.id(), now), Optional.of(new Admission(null, sunset(key, digest))));
        });
    }

    /** Authenticates a data-plane call with a project key, moving its {@code lastUsed}; empty when refused. */
    Optional<Admission> admitProjectKey(String rawValue) {
        if (rawValue == null) {
            return Optional.empty();
        }
        String digest = ValueDigest.of(rawValue);
        return store.recordUse(() -> {
            Instant now = store.now();
            StoreState accepted = store.accepted();
            ApiKey key = accepted.keyByValueDigest(digest);
            if (!admits(key, digest, now)) {
                return new Checked<>(null, Optional.<Admission>empty());
            }
            return new Checked<>(new Change.KeyUsed(key.id(), now),
                    Optional.of(new Admission(accepted.projectOfKey(key.id()), sunset(key, digest))));
        });
    }
}
