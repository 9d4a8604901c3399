package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Json;
import dev.keywarden.sandbox.SandboxStore.Checked;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The v2 key lifecycle on {@link SandboxStore}'s state, under its rules (checked against the accepted state,
 * saved, then shown): keys created with an expiry, rotation in place, and completing rotations whose time has come.
 *
 * <p>Keywarden decides where the reference is silent: a key whose rotation is still in flight cannot be
 * rotated again (409 until {@code rotatesAt}); a deactivated key can be rotated and stays deactivated; the key
 * the sandbox was started with is rotated in memory only, like its other changes.
 */
final class KeyLifecycle {

    private final SandboxStore store;

    KeyLifecycle(SandboxStore store) {
        this.store = store;
    }

    /** The keys of one kind, as the lifecycle needs them; each read of the accepted state runs inside a check. */
    private interface Keys {
        /** Null when there is no such key (here). */
        ApiKey find(StoreState state, long keyId);

        /** The key as changes are checked against it, or 404 (its project first, for a project key). */
        ApiKey existing(long keyId);

        Change rotated(long keyId, String value, Instant rotatesAt, Instant expiresAt);

        Change completed(long keyId);

        /** The change to save, with the answer; the key the sandbox was started with is changed in memory only. */
        <T> Checked<T> checked(long keyId, Change change, T answer);

        Function<Random, String> values();
    }

    /** Mints a project key that expires {@code expiresInDays} from now (null: never); the answer carries its raw value. */
    ApiKey createKey(String projectId, String name, Integer expiresInDays) {
        Objects.requireNonNull(name, "name");
        return store.change(() -> {
            store.accepted().projectOrNotFound(projectId);
            ApiKey key = newKey(name, expiresInDays, Identifiers::projectKeyValue);
            return new Checked<>(new Change.KeyCreated(projectId, key), key);
        });
    }

    /** Mints an organisation key that expires {@code expiresInDays} from now (null: never). */
    ApiKey createOrgKey(String name, Integer expiresInDays) {
        Objects.requireNonNull(name, "name");
        return store.change(() -> {
            ApiKey key = newKey(name, expiresInDays, Identifiers::orgKeyValue);
            return new Checked<>(new Change.OrgKeyCreated(key), key);
        });
    }

    /** The project's keys, masked, after completing every rotation whose time has come. */
    List<ApiKey> keys(String projectId) {
        completeDue(projectKeys(projectId), () -> store.state.keys(projectId));
        return store.keys(projectId);
    }

    /** The organisation's keys, masked, after completing every rotation whose time has come. */
    List<ApiKey> orgKeys() {
        completeDue(organizationKeys, store.state::orgKeys);
        return store.orgKeys();
    }

    /** Rotates a project key: the answer carries the new raw value, in {@code value} or, with grace, in {@code shadowValue}. */
    ApiKey rotateKey(String projectId, long keyId, RotationRequest request) {
        return rotate(projectKeys(projectId), keyId, request);
    }

    ApiKey rotateOrgKey(long keyId, RotationRequest request) {
        return rotate(organizationKeys, keyId, request);
    }

    /** A rotation whose own time has come is completed first (a change of its own), then the key is rotated. */
    private ApiKey rotate(Keys keys, long keyId, RotationRequest request) {
        while (true) {
            completeIfDue(keys, keyId);
            ApiKey answer = store.change(() -> rotation(keys, keyId, request));
            if (answer != null) {
                return answer;
            }
            // The rotation in flight came due between the two steps: complete it, then try again.
        }
    }

    /** The checked rotation; no change and a null answer when a rotation in flight has come due meanwhile. */
    private Checked<ApiKey> rotation(Keys keys, long keyId, RotationRequest request) {
        Instant now = store.now();
        ApiKey old = keys.existing(keyId);
        if (isDue(old, now)) {
            return new Checked<>(null, null);
        }
        if (old.isRotationPending()) {
            throw ApiError.conflict("A rotation of this key is already in flight; it completes at "
                    + Json.WIRE_TIME.format(old.rotatesAt()));
        }
        if (old.isExpiredAt(now) && request.keepsExpiry()) {
            throw ApiError.badRequest("This key has expired: rotating it needs \"" + LifecycleFields.EXPIRES_IN_DAYS
                    + "\" (a number of days, or null for no expiry)");
        }
        if (old.isExpiredAt(now) && request.gracePeriodInHours() > 0) {
            throw ApiError.badRequest("This key has expired, so it cannot take a grace period");
        }
        Instant expiresAt = request.keepsExpiry() ? old.expiresAt() : expiry(now, request.expiresInDays());
        Instant rotatesAt = null;
        if (request.gracePeriodInHours() > 0) {
            rotatesAt = now.plus(Duration.ofHours(request.gracePeriodInHours()));
            if (expiresAt != null && rotatesAt.isAfter(expiresAt)) {
                rotatesAt = expiresAt; // never past the expiry
            }
        }
        String value = newValue(keys.values());
        ApiKey rotated = Change.rotated(old, value, rotatesAt, expiresAt);
        // Raw only where the new value is; the outgoing value stays masked.
        ApiKey answer = rotatesAt == null ? rotated : new ApiKey(rotated.id(), rotated.name(), rotated.valid(),
                ApiKey.mask(rotated.value()), rotated.createdAt(), rotated.lastUsed(), rotated.expiresAt(), value, rotatesAt);
        return keys.checked(keyId, keys.rotated(keyId, value, rotatesAt, expiresAt), answer);
    }

    /** Completes what is due, checking what reads see first so a list with nothing due waits for no write. */
    private void completeDue(Keys keys, Supplier<List<ApiKey>> listed) {
        Instant now = store.now();
        List<Long> due;
        synchronized (store.stateLock) {
            List<ApiKey> all = listed.get();
            due = all == null ? List.of() : all.stream().filter(key -> isDue(key, now)).map(ApiKey::id).toList();
        }
        due.forEach(keyId -> completeIfDue(keys, keyId));
    }

    /** Completes the key's rotation if its time has come, checked again against the accepted state. */
    private void completeIfDue(Keys keys, long keyId) {
        store.change(() -> {
            ApiKey key = keys.find(store.accepted(), keyId);
            return key != null && isDue(key, store.now()) ? keys.checked(keyId, keys.completed(keyId), null) : new Checked<>(null, null);
        });
    }

    private static boolean isDue(ApiKey key, Instant now) {
        return key.isRotationPending() && !now.isBefore(key.rotatesAt());
    }

    private Keys projectKeys(String projectId) {
        return new Keys() {
            @Override
            public ApiKey find(StoreState state, long keyId) {
                return state.key(projectId, keyId);
            }

            @Override
            public ApiKey existing(long keyId) {
                return store.accepted().keyOrNotFound(projectId, keyId);
            }

            @Override
            public Change rotated(long keyId, String value, Instant rotatesAt, Instant expiresAt) {
                return new Change.KeyRotated(keyId, value, rotatesAt, expiresAt);
            }

            @Override
            public Change completed(long keyId) {
                return new Change.KeyRotationCompleted(keyId);
            }

            @Override
            public <T> Checked<T> checked(long keyId, Change change, T answer) {
                return new Checked<>(change, answer);
            }

            @Override
            public Function<Random, String> values() {
                return Identifiers::projectKeyValue;
            }
        };
    }

    private final Keys organizationKeys = new Keys() {
        @Override
        public ApiKey find(StoreState state, long keyId) {
            return state.orgKey(keyId);
        }

        @Override
        public ApiKey existing(long keyId) {
            return store.existingOrgKey(keyId);
        }

        @Override
        public Change rotated(long keyId, String value, Instant rotatesAt, Instant expiresAt) {
            return new Change.OrgKeyRotated(keyId, value, rotatesAt, expiresAt);
        }

        @Override
        public Change completed(long keyId) {
            return new Change.OrgKeyRotationCompleted(keyId);
        }

        @Override
        public <T> Checked<T> checked(long keyId, Change change, T answer) {
            return store.orgKeyChange(keyId, change, answer);
        }

        @Override
        public Function<Random, String> values() {
            return Identifiers::orgKeyValue;
        }
    };

    /** A key not yet in the accepted state; only inside a check. */
    private ApiKey newKey(String name, Integer expiresInDays, Function<Random, String> values) {
        Instant now = store.now();
        return new ApiKey(store.accepted().nextKeyId(), name.strip(), true, newValue(values), now, null, expiry(now, expiresInDays),
                null, null);
    }

    /** A value no key has, current or replacement; minted as every other key is. Only inside a check. */
    private String newValue(Function<Random, String> values) {
        String value;
        do {
            value = values.apply(Identifiers.SECURE);
        } while (store.accepted().hasValueDigest(ValueDigest.of(value)));
        return value;
    }

    private static Instant expiry(Instant now, Integer days) {
        return days == null ? null : now.plus(Duration.ofDays(days));
    }
}
