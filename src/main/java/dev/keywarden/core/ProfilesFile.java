package dev.keywarden.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keywarden.api.Region;

import java.util.List;

/** The shape of {@code profiles.json}: non-secret fields only. {@code deadlineSeconds} is optional (added later). */
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
            @JsonProperty("colour") String colour,
            @JsonProperty("deadlineSeconds") Integer deadlineSeconds) {

        static Entry of(Profile profile) {
            return new Entry(profile.name(), profile.region(), profile.customBaseUrl(), profile.label(), profile.colour(),
                    profile.deadlineSeconds());
        }

        /** Files from before the deadline was saved have none: they get the default. */
        Profile toProfile() {
            return new Profile(name, region, customBaseUrl, label, colour, true,
                    deadlineSeconds == null ? Profile.DEFAULT_DEADLINE_SECONDS : deadlineSeconds);
        }
    }
}
