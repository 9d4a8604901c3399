package dev.keywarden.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.RecordComponent;

/**
 * Checks a JSON object against the {@code @JsonProperty(required = true)} components of a model
 * record before binding. Jackson enforces {@code required} too, but only for absence, not for an
 * explicit {@code null}, and its message does not say where in the answer the field was missing.
 */
final class RequiredFields {
    private RequiredFields() {
    }

    /** @return why {@code object} cannot become a {@code type}, e.g. {@code missing field "created_at"}, or null when it can */
    static String problem(JsonNode object, Class<? extends Record> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            // @JsonProperty cannot target record components; Java copies it to the accessor.
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            if (property == null || !property.required()) {
                continue;
            }
            String name = property.value().isEmpty() ? component.getName() : property.value();
            JsonNode value = object.get(name);
            if (value == null) {
                return "missing field \"" + name + "\"";
            }
            if (value.isNull()) {
                return "field \"" + name + "\" is null";
            }
        }
        return null;
    }
}
