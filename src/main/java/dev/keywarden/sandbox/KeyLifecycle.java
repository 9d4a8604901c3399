package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The v2 key lifecycle on {@link SandboxStore}'s state, under its locks and rules (checked, saved, then
 * applied): keys created with an expiry, rotation in place, and completing rotations whose time has come.
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

    /** The keys of one kind, as the lifecycle needs them. */
    private interface Keys {
        /** Null when there is no such key (here). */
        ApiKey find(long keyId);

        /** The key, or 404 (its project first, for a project key). */
        ApiKey existing(long keyId);

        Change rotated(long keyId, String value, Instant rotatesAt, Instant expiresAt);

        Change completed(long keyId);

        void commit(long keyId, Change change);

        Function<Random, String> values();
    }

    /** Mints a project key that expires {@code expiresInDays} from now (null: never); the answer carries its raw value. */
    ApiKey createKey(String projectId, String name, Integer expiresInDays) {
        Objects.requireNonNull(name, "name");
        synchronized (store.writeLock) {
            store.existingProject(projectId);
            ApiKey key = newKey(name, expiresInDays, Identifiers::projectKeyValue);
            store.commit(new Change.KeyCreated(projectId, key));
            return key;
        }
    }

    /** Mints an organisation key that expires {@code expiresInDays} from now (null: never). */
    ApiKey createOrgKey(String name, Integer expiresInDays) {
        Objects.requireNonNull(name, "name");
        synchronized (store.writeLock) {
            ApiKey key = newKey(name, expiresInDays, Identifiers::orgKeyValue);
            store.commit(new Change.OrgKeyCreated(key));
            return key;
        }
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

    private ApiKey rotate(Keys keys, long keyId, RotationRequest request) {
        synchronized (store.writeLock) {
            Instant now = store.now();
            ApiKey old = keys.existing(keyId);
            if (old.isRotationPending() && !now.isBefore(old.rotatesAt())) {
                keys.commit(keyId, keys.completed(keyId));
                old = keys.existing(keyId);
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
            keys.commit(keyId, keys.rotated(keyId, value, rotatesAt, expiresAt));
            ApiKey rotated = keys.existing(keyId);
            // Raw only where the new value is; the outgoing value stays masked.
            return rotatesAt == null ? rotated : new ApiKey(rotated.id(), rotated.name(), rotated.valid(),
                    ApiKey.mask(rotated.value()), rotated.createdAt(), rotated.lastUsed(), rotated.expiresAt(), value, rotatesAt);
        }
    }

    /** Completes what is due, checking under the state lock first so a list with nothing due takes no write lock. */
    private void completeDue(Keys keys, Supplier<List<ApiKey>> listed) {
        Instant now = store.now();
        List<Long> due;
        synchronized (store.stateLock) {
            List<ApiKey> all = listed.get();
            due = all == null ? List.of() : all.stream().filter(key -> isDue(key, now)).map(ApiKey::id).toList();
        }
        if (due.isEmpty()) {
            return;
        }
        synchronized (store.writeLock) {
            for (long keyId : due) {
                ApiKey key;
                synchronized (store.stateLock) {
                    key = keys.find(keyId);
                }
                if (key != null && isDue(key, now)) {
                    keys.commit(keyId, keys.completed(keyId));
                }
            }
        }
    }

    private static boolean isDue(ApiKey key, Instant now) {
        return key.isRotationPending() && !now.isBefore(key.rotatesAt());
    }

    private Keys projectKeys(String projectId) {
        return new Keys() {
            @Override
            public ApiKey find(long keyId) {
                return store.state.key(projectId, keyId);
            }

            @Override
            public ApiKey existing(long keyId) {
                return store.existingKey(projectId, keyId);
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
            public void commit(long keyId, Change change) {
                store.commit(change);
            }

            @Override
            public Function<Random, String> values() {
                return Identifiers::projectKeyValue;
            }
        };
    }

    private final Keys organizationKeys = new Keys() {
        @Override
        public ApiKey find(long keyId) {
            return store.state.orgKey(keyId);
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
        public void commit(long keyId, Change change) {
            store.commitOrgKeyChange(keyId, change);
        }

        @Override
        public Function<Random, String> values() {
            return Identifiers::orgKeyValue;
        }
    };

    /** A key not yet in the state; caller holds the write lock. */
    private ApiKey newKey(String name, Integer expiresInDays, Function<Random, String> values) {
        Instant now = store.now();
        return new ApiKey(store.state.nextKeyId(), name.strip(), true, newValue(values), now, null, expiry(now, expiresInDays),
                null, null);
    }

    /** A value no key has, current or replacement; minted as every other key is. Caller holds the write lock. */
    private String newValue(Function<Random, String> values) {
        String value;
        do {
            value = values.apply(Identifiers.SECURE);
        } while (store.state.hasValueDigest(ValueDigest.of(value)));
        return value;
    }

    private static Instant expiry(Instant now, Integer days) {
        return days == null ? null : now.plus(Duration.ofDays(days));
    }
}
