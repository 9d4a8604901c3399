package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.model.Names;

/**
 * Reads typed fields from a JSON body, answering 400 with a short reason for anything missing or
 * ill-typed. Names (project and key) follow {@link Names}; Keywarden decides the other limits:
 * descriptions at most 2,000 characters; emails at most 254.
 */
final class BodyFields {

    static final int MAX_DESCRIPTION_LENGTH = 2000;
    static final int MAX_EMAIL_LENGTH = 254;

    private BodyFields() {
    }

    static String requiredName(ObjectNode body, String field) {
        if (!body.has(field)) {
            throw ApiError.badRequest("Field \"" + field + "\" is required");
        }
        return name(body, field);
    }

    /** A name that may be left out (null then), but not sent as null. */
    static String optionalName(ObjectNode body, String field) {
        return body.has(field) ? name(body, field) : null;
    }

    /** A string or null; only meaningful when the field {@link ObjectNode#has is present}. */
    static String nullableText(ObjectNode body, String field, int maxLength) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest("Field \"" + field + "\" must be a string or null");
        }
        return withinLength(field, node.textValue(), maxLength);
    }

    /** An optional email; the sandbox has no members, so any plausible address is accepted and ignored. */
    static String optionalEmail(ObjectNode body, String field) {
        String email = nullableText(body, field, MAX_EMAIL_LENGTH);
        if (email != null && !email.strip().matches("[^@\\s]+@[^@\\s]+")) {
            throw ApiError.badRequest("Field \"" + field + "\" must be an email address");
        }
        return email;
    }

    static boolean requiredBoolean(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isBoolean()) {
            throw ApiError.badRequest("Field \"" + field + "\" must be a boolean");
        }
        return node.booleanValue();
    }

    private static String name(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (!node.isTextual()) {
            throw ApiError.badRequest("Field \"" + field + "\" must be a string");
        }
        String name = node.textValue().strip();
        String problem = Names.problem(name);
        if (problem != null) {
            throw ApiError.badRequest("Field \"" + field + "\" " + problem);
        }
        return name;
    }

    private static String withinLength(String field, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw ApiError.badRequest("Field \"" + field + "\" must be at most " + maxLength + " characters");
        }
        return text;
    }
}
