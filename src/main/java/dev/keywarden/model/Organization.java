package dev.keywarden.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** The organisation an org API key is scoped to. Wire names as in the vendor's schema. */
public record Organization(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "plan", required = true) String plan,
        @JsonProperty(value = "created_at", required = true) Instant createdAt) {
}
