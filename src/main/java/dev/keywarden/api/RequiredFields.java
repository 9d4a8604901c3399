package dev.keywarden.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a JSON object against the {@code @JsonProperty(required = true)} components of a model
 * record before binding. Jackson enforces {@code required} too, but only for absence, not for an
 * explicit {@code null}, and its message does not say where in the answer the field was missing.
 */
final class RequiredFields {
    /** Looked up once per record type: a list answer checks every element. */
    private static final ClassValue<List<String>> NAMES = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            List<String> names = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                // @JsonProperty cannot target record components; Java copies it to the accessor.
                JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
                if (property != null && property.required()) {
                    names.add(property.value().isEmpty() ? component.getName() : property.value());
                }
            }
            return List.copyOf(names);
        }
    };

    private RequiredFields() {
    }

    /** @return why {@code object} cannot become a {@code type}, e.g. {@code missing field "created_at"}, or null when it can */
    static String problem(JsonNode object, Class<? extends Record> type) {
        for (String name : NAMES.get(type)) {
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
