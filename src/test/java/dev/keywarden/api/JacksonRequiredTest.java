package dev.keywarden.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Json;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins down what Jackson itself does with {@code @JsonProperty(required = true)} on record
 * components, since {@link RequiredFields} checks first and would hide a change.
 */
class JacksonRequiredTest {
    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void absentRequiredFieldFailsBinding() {
        assertThatThrownBy(() -> mapper.readValue("""
                {"id": "P", "name": "N", "organizationId": "O"}""", Project.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("created_at");
    }

    @Test
    void explicitNullPassesJacksonButNotRequiredFields() throws Exception {
        String json = """
                {"id": "P", "name": "N", "organizationId": "O", "created_at": null}""";

        assertThat(mapper.readValue(json, Project.class).createdAt()).isNull();
        assertThat(RequiredFields.problem(mapper.readTree(json), Project.class)).isEqualTo("field \"created_at\" is null");
    }

    @Test
    void requiredFieldsAreFoundOnTheAccessors() throws Exception {
        assertThat(RequiredFields.problem(mapper.readTree("{}"), ApiKey.class)).isEqualTo("missing field \"id\"");
        assertThat(RequiredFields.problem(mapper.readTree("""
                {"id": 1, "valid": true, "value": "v"}"""), ApiKey.class)).isEqualTo("missing field \"created_at\"");
        assertThat(RequiredFields.problem(mapper.readTree("""
                {"id": 1, "valid": true, "value": "v", "created_at": "2024-12-04T23:00:00.000Z"}"""), ApiKey.class)).isNull();
    }
}
