package dev.keywarden.core;

import dev.keywarden.api.Region;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileTest {

    @Test
    void baseUrlComesFromTheRegionOrTheCustomUrl() {
        assertThat(Profile.ofRegion("Prod", Region.EU, "PROD", "#c0392b").baseUrl()).isEqualTo("https://eu.api.confident-ai.com");
        assertThat(Profile.ofCustomUrl("Self", "https://api.acme.test", "", null).baseUrl()).isEqualTo("https://api.acme.test");
    }

    @Test
    void normalisesNameLabelAndColour() {
        Profile profile = new Profile("  Prod ", Region.US, null, null, "#C0392B", true);
        assertThat(profile.name()).isEqualTo("Prod");
        assertThat(profile.label()).isEmpty();
        assertThat(profile.colour()).isEqualTo("#c0392b");
        assertThat(new Profile("a", Region.US, null, "", null, true).colour()).isEqualTo(Profile.DEFAULT_COLOUR);
    }

    @Test
    void rejectsIncompleteProfiles() {
        assertThatThrownBy(() -> new Profile(" ", Region.US, null, "", null, true)).hasMessageContaining("name");
        assertThatThrownBy(() -> new Profile("a", null, null, "", null, true)).hasMessageContaining("region");
        assertThatThrownBy(() -> new Profile("a", Region.US, "https://x.test", "", null, true)).hasMessageContaining("not both");
        assertThatThrownBy(() -> new Profile("a", Region.US, null, "", "red", true)).hasMessageContaining("#c0392b");
    }
}
