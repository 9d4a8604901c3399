package dev.keywarden.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BaseUrlsTest {
    private static final OrgKey US_KEY = OrgKey.of("confident_us_org_0123456789abcdef");
    private static final OrgKey EU_KEY = OrgKey.of("confident_eu_org_0123456789abcdef");
    private static final OrgKey AU_KEY = OrgKey.of("confident_au_org_0123456789abcdef");
    private static final OrgKey OLD_KEY = OrgKey.of("confident_org_0123456789abcdef");

    @Test
    void explicitComesFirst() {
        Map<String, String> env = Map.of("CONFIDENT_BASE_URL", "https://env.example", "CONFIDENT_REGION", "AU");

        assertThat(BaseUrls.resolve("https://api.acme.example/", env, EU_KEY)).isEqualTo("https://api.acme.example");
    }

    @Test
    void thenTheBaseUrlVariableWithoutTrailingSlash() {
        Map<String, String> env = Map.of("CONFIDENT_BASE_URL", "https://env.example/", "CONFIDENT_REGION", "AU");

        assertThat(BaseUrls.resolve(null, env, EU_KEY)).isEqualTo("https://env.example");
        assertThat(BaseUrls.resolve("  ", env, EU_KEY)).isEqualTo("https://env.example");
    }

    @Test
    void thenTheRegionVariableInAnyCase() {
        assertThat(BaseUrls.resolve(null, Map.of("CONFIDENT_REGION", "eu"), AU_KEY)).isEqualTo("https://eu.api.confident-ai.com");
        assertThat(BaseUrls.resolve(null, Map.of("CONFIDENT_BASE_URL", " ", "CONFIDENT_REGION", "Au"), US_KEY))
                .isEqualTo("https://au.api.confident-ai.com");
        assertThat(BaseUrls.resolve(null, Map.of("CONFIDENT_REGION", "US"), EU_KEY)).isEqualTo("https://api.confident-ai.com");
    }

    @Test
    void unknownRegionIsRefusedInPlainWords() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BaseUrls.resolve(null, Map.of("CONFIDENT_REGION", "MARS"), US_KEY))
                .withMessage("CONFIDENT_REGION must be US, EU or AU.");
    }

    @Test
    void thenTheKeyPrefix() {
        assertThat(BaseUrls.resolve(null, Map.of(), EU_KEY)).isEqualTo("https://eu.api.confident-ai.com");
        assertThat(BaseUrls.resolve(null, Map.of("CONFIDENT_REGION", ""), AU_KEY)).isEqualTo("https://au.api.confident-ai.com");
        assertThat(BaseUrls.resolve(null, Map.of(), US_KEY)).isEqualTo("https://api.confident-ai.com");
    }

    @Test
    void otherwiseUs() {
        assertThat(BaseUrls.resolve(null, Map.of(), OLD_KEY)).isEqualTo("https://api.confident-ai.com");
        assertThat(BaseUrls.resolve(null, null, null)).isEqualTo("https://api.confident-ai.com");
    }

    @Test
    void resolvedUrlsAreValidated() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BaseUrls.resolve(null, Map.of("CONFIDENT_BASE_URL", "http://example.com"), US_KEY));
    }

    @Test
    void keyPastedAsUrlIsNotEchoed() {
        String key = "confident_us_org_0123456789abcdef";
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BaseUrls.resolve(key, Map.of(), OrgKey.of(key)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BaseUrls.resolve("http://" + key, Map.of(), OrgKey.of(key)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:4000", "http://LOCALHOST",
            "http://[::1]:9000", "https://api.confident-ai.com", "HTTPS://api.example.com", "https://api.example.com:8443/confident"})
    void acceptedUrls(String url) {
        assertThat(BaseUrls.validate(url)).isEqualTo(url);
    }

    @Test
    void trimsAndDropsTrailingSlashes() {
        assertThat(BaseUrls.validate("  https://api.example.com//  ")).isEqualTo("https://api.example.com");
        assertThat(BaseUrls.validate("http://127.0.0.1:8080/")).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void plainHttpElsewhereIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> BaseUrls.validate("http://api.example.com"))
                .withMessage("Plain http:// is only allowed to this computer (loopback); use https:// for api.example.com.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://10.0.0.1", "http://128.0.0.1",
            "http://localhost.example.com", "http://[::2]", "http://127.0.0.1.nip.io"})
    void plainHttpToOtherHostsIsRefused(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> BaseUrls.validate(url))
                .withMessageStartingWith("Plain http:// is only allowed to this computer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "garbage", "api.confident-ai.com", "ftp://api.example.com", "https://",
            "https:///v1", "https://exa mple.com", "https://api.example.com?x=1", "https://api.example.com#top",
            "https://user:pw@api.example.com", "file:///etc/passwd", "javascript:alert(1)", "http://127.0.0.256"})
    void garbageIsRefused(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> BaseUrls.validate(url))
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    @Test
    void nullIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> BaseUrls.validate(null)).withMessage("The base URL is empty.");
    }
}
