package dev.keywarden.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.model.KeyLifetime;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.ProjectChanges;
import dev.keywarden.model.Rotation;

import java.util.Objects;

/** The exact request bodies the documentation shows; optional fields left out when null. */
final class WireBodies {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WireBodies() {
    }

    /** {@code {"name": …, "description": …, "email": …}} */
    static ObjectNode newProject(NewProject project) {
        ObjectNode body = NODES.objectNode().put("name", project.name());
        putIfPresent(body, "description", project.description());
        putIfPresent(body, "email", project.email());
        return body;
    }

    /** Only the fields that change: {@code {"name": …}}, {@code {"description": …}} or both. */
    static ObjectNode projectChanges(ProjectChanges changes) {
        ObjectNode body = NODES.objectNode();
        putIfPresent(body, "name", changes.name());
        putIfPresent(body, "description", changes.description());
        return body;
    }

    /** {@code {"name": …}}: a new key's name, or the organisation's new name. */
    static ObjectNode name(String name) {
        return NODES.objectNode().put("name", name);
    }

    /** {@code {"valid": …}} */
    static ObjectNode apiKeyValidity(boolean valid) {
        return NODES.objectNode().put("valid", valid);
    }

    /** v2: {@code {"name": …, "expiresInDays": N}}, the lifetime left out for a key that never expires. */
    static ObjectNode newKey(String name, KeyLifetime lifetime) {
        ObjectNode body = name(name);
        if (!Objects.requireNonNull(lifetime, "lifetime").isNever()) {
            body.put("expiresInDays", lifetime.days());
        }
        return body;
    }

    /**
     * v2: {@code {"gracePeriodInHours": H, "expiresInDays": …}}: {@code expiresInDays} left out keeps the
     * expiry, sent as null removes it.
     */
    static ObjectNode rotation(Rotation rotation) {
        ObjectNode body = NODES.objectNode().put("gracePeriodInHours", Objects.requireNonNull(rotation, "rotation").gracePeriodInHours());
        if (!rotation.keepsExpiry()) {
            if (rotation.newLifetime().isNever()) {
                body.putNull("expiresInDays");
            } else {
                body.put("expiresInDays", rotation.newLifetime().days());
            }
        }
        return body;
    }

    private static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
