package dev.keywarden.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keywarden.api.Region;

import java.util.List;

/** The shape of {@code profiles.json}: non-secret fields only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProfilesFile(
        @JsonProperty("version") int version,
        @JsonProperty("lastProfile") String lastProfile,
        @JsonProperty("profiles") List<Entry> profiles) {

    static final int CURRENT_VERSION = 1;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty("region") Region region,
            @JsonProperty("customBaseUrl") String customBaseUrl,
            @JsonProperty("label") String label,
            @JsonProperty("colour") String colour) {

        static Entry of(Profile profile) {
            return new Entry(profile.name(), profile.region(), profile.customBaseUrl(), profile.label(), profile.colour());
        }

        Profile toProfile() {
            return new Profile(name, region, customBaseUrl, label, colour, true);
        }
    }
}
