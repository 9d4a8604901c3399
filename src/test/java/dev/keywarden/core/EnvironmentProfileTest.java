package dev.keywarden.core;

import dev.keywarden.api.OrgKey;
import dev.keywarden.api.Region;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentProfileTest {

    @Test
    void absentOrBlankKeyMeansNoEnvironmentProfile() {
        assertThat(EnvironmentProfile.detect(Map.of())).isEmpty();
        assertThat(EnvironmentProfile.detect(Map.of("CONFIDENT_ORG_API_KEY", "  "))).isEmpty();
    }

    @Test
    void keyAloneGoesToItsPrefixRegionOrUs() {
        EnvironmentProfile eu = EnvironmentProfile.detect(Map.of("CONFIDENT_ORG_API_KEY", "confident_eu_org_abc")).orElseThrow();
        assertThat(eu.profile().name()).isEqualTo("Environment (CONFIDENT_ORG_API_KEY)");
        assertThat(eu.profile().saved()).isFalse();
        assertThat(eu.profile().region()).isEqualTo(Region.EU);
        assertThat(eu.orgKey()).isEqualTo(OrgKey.of("confident_eu_org_abc"));

        assertThat(EnvironmentProfile.detect(Map.of("CONFIDENT_ORG_API_KEY", "confident_org_abc")).orElseThrow().profile().region())
                .isEqualTo(Region.US);
    }

    @Test
    void regionVariableBeatsThePrefix() {
        Map<String, String> env = Map.of("CONFIDENT_ORG_API_KEY", "confident_eu_org_abc", "CONFIDENT_REGION", "au");
        assertThat(EnvironmentProfile.detect(env).orElseThrow().profile().baseUrl()).isEqualTo("https://au.api.confident-ai.com");
    }

    @Test
    void anUnknownRegionIsReportedNotGuessed() {
        Map<String, String> env = Map.of("CONFIDENT_ORG_API_KEY", "confident_eu_org_abc", "CONFIDENT_REGION", "APAC");
        assertThatThrownBy(() -> EnvironmentProfile.detect(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONFIDENT_REGION").hasMessageContaining("APAC").hasMessageContaining("US, EU or AU");
    }

    @Test
    void baseUrlVariableBeatsEverything() {
        Map<String, String> env = Map.of("CONFIDENT_ORG_API_KEY", "confident_eu_org_abc", "CONFIDENT_REGION", "AU",
                "CONFIDENT_BASE_URL", "http://localhost:8080/");
        Profile profile = EnvironmentProfile.detect(env).orElseThrow().profile();
        assertThat(profile.customBaseUrl()).isEqualTo("http://localhost:8080");
        assertThat(profile.region()).isNull();
    }

    @Test
    void anUnusableKeyIsExplainedWithoutRepeatingIt() {
        assertThatThrownBy(() -> EnvironmentProfile.detect(Map.of("CONFIDENT_ORG_API_KEY", "secret part")))
                .hasMessageContaining("CONFIDENT_ORG_API_KEY")
                .hasMessageNotContaining("secret");
    }

    @Test
    void toStringHidesTheKey() {
        EnvironmentProfile environment = EnvironmentProfile.detect(Map.of("CONFIDENT_ORG_API_KEY", "confident_us_org_topsecret")).orElseThrow();
        assertThat(environment.toString()).doesNotContain("topsecret");
    }
}
