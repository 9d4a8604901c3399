package dev.keywarden.model;

import com.fasterxml.jackson.annotation.JsonProperty;

public record GovernancePolicy(@JsonProperty("id") String id, @JsonProperty("name") String name) {
}
