package dev.keywarden.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A project. {@code description} may be null; {@code governancePolicy} may be null or absent
 * (absent on the wire when null, as in the vendor's list example).
 */
public record Project(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("description") String description,
        @JsonProperty(value = "organizationId", required = true) String organizationId,
        @JsonProperty(value = "created_at", required = true) Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonProperty("governancePolicy") GovernancePolicy governancePolicy) {
}
