package dev.keywarden.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;

import java.time.Instant;

/**
 * One change to the organisation, decided and checked by {@link SandboxStore} before anything moves: it is
 * first made durable by a {@link ChangeWriter} and only then applied to memory, and the journal replays the
 * same records on start. Key values in here are raw.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "change")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Change.ProjectCreated.class, name = "projectCreated"),
        @JsonSubTypes.Type(value = Change.ProjectUpdated.class, name = "projectUpdated"),
        @JsonSubTypes.Type(value = Change.ProjectDeleted.class, name = "projectDeleted"),
        @JsonSubTypes.Type(value = Change.KeyCreated.class, name = "keyCreated"),
        @JsonSubTypes.Type(value = Change.KeyValiditySet.class, name = "keyValiditySet"),
        @JsonSubTypes.Type(value = Change.KeyDeleted.class, name = "keyDeleted"),
        @JsonSubTypes.Type(value = Change.KeyUsed.class, name = "keyUsed"),
        @JsonSubTypes.Type(value = Change.OrganizationRenamed.class, name = "organizationRenamed"),
        @JsonSubTypes.Type(value = Change.OrgKeyCreated.class, name = "orgKeyCreated"),
        @JsonSubTypes.Type(value = Change.OrgKeyValiditySet.class, name = "orgKeyValiditySet"),
        @JsonSubTypes.Type(value = Change.OrgKeyDeleted.class, name = "orgKeyDeleted"),
        @JsonSubTypes.Type(value = Change.OrgKeyUsed.class, name = "orgKeyUsed"),
        @JsonSubTypes.Type(value = Change.KeyRotated.class, name = "keyRotated"),
        @JsonSubTypes.Type(value = Change.KeyRotationCompleted.class, name = "keyRotationCompleted"),
        @JsonSubTypes.Type(value = Change.OrgKeyRotated.class, name = "orgKeyRotated"),
        @JsonSubTypes.Type(value = Change.OrgKeyRotationCompleted.class, name = "orgKeyRotationCompleted"),
})
sealed interface Change {

    /** Applies this change; throws {@link IllegalStateException} when it does not fit the state (only a bad journal can). */
    void applyTo(StoreState state);

    /** A short name for logs; never carries a value. */
    @JsonIgnore
    default String kind() {
        return getClass().getSimpleName();
    }

    record ProjectCreated(@JsonProperty(value = "project", required = true) Project project,
                          @JsonProperty(value = "apiKey", required = true) ApiKey defaultKey) implements Change {
        @Override
        public void applyTo(StoreState state) {
            state.addProject(project);
            state.addKey(project.id(), defaultKey);
        }
    }

    record ProjectUpdated(@JsonProperty(value = "project", required = true) Project project) implements Change {
        @Override
        public void applyTo(StoreState state) {
            state.replaceProject(project);
        }
    }

    record ProjectDeleted(@JsonProperty(value = "projectId", required = true) String projectId) implements Change {
        @Override
        public void applyTo(StoreState state) {
            state.removeProject(projectId);
        }
    }

    record KeyCreated(@JsonProperty(value = "projectId", required = true) String projectId,
                      @JsonProperty(value = "apiKey", required = true) ApiKey key) implements Change {
        @Override
        public void applyTo(StoreState state) {
            state.addKey(projectId, key);
        }
    }

    record KeyValiditySet(@JsonProperty(value = "keyId", required = true) long keyId,
                          @JsonProperty(value = "valid", required = true) boolean valid) implements Change {
        @Override
        public void applyTo(StoreState state) {
            ApiKey old = state.existingKey(keyId);
            state.replaceKey(old.withValid(valid));
        }
    }

    record KeyDeleted(@JsonProperty(value = "keyId", required = true) long keyId) implements Change {
        @Override
        public void applyTo(StoreState state) {
            state.removeKey(keyId);
        }
    }

    record KeyUsed(@JsonProperty(value = "keyId", required = true) long keyId,
                   @JsonProperty(value = "lastUsed", required = true) Instant lastUsed) implements Change {
        @Override
        public void applyTo(StoreState state) {
            ApiKey old = state.existingKey(keyId);
            state.replaceKey(old.withLastUsed(lastUsed));
        }
    }

    record OrganizationRenamed(@JsonProperty(value = "name", required = true) String name) implements Change {
        @Override
        public void applyTo(StoreState state) {
            state.renameOrganization(name);
        }
    }

    record OrgKeyCreated(@JsonProperty(value = "apiKey", required = true) ApiKey key) implements Change {
        @Override
        public void applyTo(StoreState state) {
            state.addOrgKey(key);
        }
    }

    record OrgKeyValiditySet(@JsonProperty(value = "keyId", required = true) long keyId,
                             @JsonProperty(value = "valid", required = true) boolean valid) implements Change {
        @Override
        public void applyTo(StoreState state) {
            ApiKey old = state.existingOrgKey(keyId);
            state.replaceOrgKey(old.withValid(valid));
        }
    }

    record OrgKeyDeleted(@JsonProperty(value = "keyId", required = true) long keyId) implements Change {
        @Override
        public void applyTo(StoreState state) {
            state.removeOrgKey(keyId);
        }
    }

    record OrgKeyUsed(@JsonProperty(value = "keyId", required = true) long keyId,
                      @JsonProperty(value = "lastUsed", required = true) Instant lastUsed) implements Change {
        @Override
        public void applyTo(StoreState state) {
            ApiKey old = state.existingOrgKey(keyId);
            state.replaceOrgKey(old.withLastUsed(lastUsed));
        }
    }

    /**
     * A project key gets {@code value} (raw): at once when {@code rotatesAt} is null, else beside its current value
     * until then; {@code expiresAt} is its expiry from now on (null: none).
     */
    record KeyRotated(@JsonProperty(value = "keyId", required = true) long keyId,
                      @JsonProperty(value = "value", required = true) String value,
                      @JsonProperty("rotatesAt") Instant rotatesAt,
                      @JsonProperty("expiresAt") Instant expiresAt) implements Change {
        @Override
        public void applyTo(StoreState state) {
            state.rekey(rotated(state.existingKey(keyId), value, rotatesAt, expiresAt));
        }
    }

    /** A project key's rotation completes: its replacement value becomes its value, the old one stops. */
    record KeyRotationCompleted(@JsonProperty(value = "keyId", required = true) long keyId) implements Change {
        @Override
        public void applyTo(StoreState state) {
            state.rekey(completed(state.existingKey(keyId)));
        }
    }

    /** As {@link KeyRotated}, for an organisation key. */
    record OrgKeyRotated(@JsonProperty(value = "keyId", required = true) long keyId,
                         @JsonProperty(value = "value", required = true) String value,
                         @JsonProperty("rotatesAt") Instant rotatesAt,
                         @JsonProperty("expiresAt") Instant expiresAt) implements Change {
        @Override
        public void applyTo(StoreState state) {
            state.rekeyOrgKey(rotated(state.existingOrgKey(keyId), value, rotatesAt, expiresAt));
        }
    }

    /** As {@link KeyRotationCompleted}, for an organisation key. */
    record OrgKeyRotationCompleted(@JsonProperty(value = "keyId", required = true) long keyId) implements Change {
        @Override
        public void applyTo(StoreState state) {
            state.rekeyOrgKey(completed(state.existingOrgKey(keyId)));
        }
    }

    /** The key as a rotation leaves it: with the new value in place, or, with a grace period, beside the old one. */
    static ApiKey rotated(ApiKey old, String value, Instant rotatesAt, Instant expiresAt) {
        if (value == null) {
            throw new IllegalStateException("it rotates API key " + old.id() + " without a new value");
        }
        return rotatesAt == null
                ? new ApiKey(old.id(), old.name(), old.valid(), value, old.createdAt(), old.lastUsed(), expiresAt, null, null)
                : new ApiKey(old.id(), old.name(), old.valid(), old.value(), old.createdAt(), old.lastUsed(), expiresAt, value, rotatesAt);
    }

    private static ApiKey completed(ApiKey old) {
        if (old.shadowValue() == null) {
            throw new IllegalStateException("it completes a rotation of API key " + old.id() + ", which has none in flight");
        }
        return new ApiKey(old.id(), old.name(), old.valid(), old.shadowValue(), old.createdAt(), old.lastUsed(), old.expiresAt(),
                null, null);
    }
}
