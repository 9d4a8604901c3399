package dev.keywarden.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.ProjectChanges;

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

    private static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
