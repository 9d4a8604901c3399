package dev.keywarden.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a successful answer, {@code {"success": true, "data": {...}}}: its {@code data} and the
 * typed reads from it. Anything not in the documented shape is a {@link ProtocolException}
 * whose detail says what and where, e.g. {@code missing field "created_at" in data.project}.
 * Unknown fields are ignored.
 */
final class ResponseDecoder {
    private final JsonNode data;
    private final ObjectMapper mapper;
    private final int status;
    private final String method;
    private final String path;

    private ResponseDecoder(JsonNode data, ObjectMapper mapper, int status, String method, String path) {
        this.data = data;
        this.mapper = mapper;
        this.status = status;
        this.method = method;
        this.path = path;
    }

    /**
     * Opens a 2xx answer. A 2xx with {@code "success": false} is a {@link ProtocolException}
     * carrying the server's {@code error} text: the status says one thing and the body another,
     * so it is neither retried nor blamed on the request.
     */
    static ResponseDecoder open(RawResponse response, ObjectMapper mapper, OrgKey key, String method, String path) {
        int status = response.status();
        JsonNode root;
        try {
            root = mapper.readTree(response.body());
        } catch (IOException e) {
            throw new ProtocolException(status, method, path, "the answer is not valid JSON", notJson(response.body()), null);
        }
        if (root == null || !root.isObject()) {
            throw new ProtocolException(status, method, path, "the answer is not a JSON object", notJson(response.body()), null);
        }
        JsonNode success = root.get("success");
        if (success == null || !success.isBoolean()) {
            throw new ProtocolException(status, method, path, "missing field \"success\"", null);
        }
        if (!success.booleanValue()) {
            String error = Failures.serverErrorText(response.body(), mapper, key);
            throw new ProtocolException(status, method, path,
                    "\"success\": false with HTTP " + status + (error == null ? "" : ": " + error), null);
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new ProtocolException(status, method, path, "missing field \"data\"", null);
        }
        return new ResponseDecoder(data, mapper, status, method, path);
    }

    /** What a body that is not JSON looks like, in plain words, or null when it looks like broken JSON. */
    private static String notJson(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).stripLeading();
        if (start.isEmpty()) {
            return "an empty answer";
        }
        if (start.startsWith("<")) {
            return "an HTML page";
        }
        return start.startsWith("{") || start.startsWith("[") ? null : "plain text";
    }

    <T extends Record> T required(String field, Class<T> type) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            throw protocol("missing field \"" + field + "\" in data");
        }
        return bind(node, type, "data." + field);
    }

    /** For fields older servers leave out, such as the default key of a created project. */
    <T extends Record> T optional(String field, Class<T> type) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : bind(node, type, "data." + field);
    }

    <T extends Record> List<T> requiredList(String field, Class<T> type) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            throw protocol("missing field \"" + field + "\" in data");
        }
        if (!node.isArray()) {
            throw protocol("data." + field + " is not a list");
        }
        List<T> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(bind(node.get(i), type, "data." + field + "[" + i + "]"));
        }
        return List.copyOf(items);
    }

    /** Checks {@code {"id": <expected>, "deleted": true}}; the id is compared as text so 34 and "34" agree. */
    void confirmDeleted(String expectedId) {
        JsonNode deleted = data.get("deleted");
        if (deleted == null || !deleted.isBoolean() || !deleted.booleanValue()) {
            throw protocol("data.deleted is not true");
        }
        JsonNode id = data.get("id");
        if (id == null || !id.isValueNode() || id.isNull() || !id.asText().equals(expectedId)) {
            throw protocol("data.id does not name what was deleted");
        }
    }

    /**
     * Checks {@code {"id": <expected>}}, the v2 answer to a deletion; a {@code deleted} field, should the
     * server add the v1 one, must be true.
     */
    void confirmId(String expectedId) {
        JsonNode deleted = data.get("deleted");
        if (deleted != null && (!deleted.isBoolean() || !deleted.booleanValue())) {
            throw protocol("data.deleted is not true");
        }
        JsonNode id = data.get("id");
        if (id == null || !id.isValueNode() || id.isNull() || !id.asText().equals(expectedId)) {
            throw protocol("data.id does not name what was deleted");
        }
    }

    /** The answer is readable but does not say what it must: {@code detail} in plain words. */
    ProtocolException problem(String detail) {
        return protocol(detail);
    }

    private <T extends Record> T bind(JsonNode node, Class<T> type, String where) {
        if (!node.isObject()) {
            throw protocol(where + " is not an object");
        }
        String problem = RequiredFields.problem(node, type);
        if (problem != null) {
            throw protocol(problem + " in " + where);
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (JacksonException e) {
            throw protocol(whereItWentWrong(e, where));
        }
    }

    private static String whereItWentWrong(JacksonException e, String where) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            return "field \"" + field + "\" in " + where + " has the wrong type or form";
        }
        return where + " could not be read";
    }

    private ProtocolException protocol(String detail) {
        return new ProtocolException(status, method, path, detail, null);
    }
}
