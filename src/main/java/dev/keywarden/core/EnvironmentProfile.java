package dev.keywarden.core;

import dev.keywarden.api.BaseUrls;
import dev.keywarden.api.OrgKey;
import dev.keywarden.api.Region;

import java.util.Map;
import java.util.Optional;

/**
 * The connection given by the environment, as the official admin SDK reads it: the key from
 * {@code CONFIDENT_ORG_API_KEY}; where it goes from {@code CONFIDENT_BASE_URL}, else
 * {@code CONFIDENT_REGION}, else the key's region prefix, else US. It is never saved.
 */
public record EnvironmentProfile(Profile profile, OrgKey orgKey) {
    public static final String ENV_ORG_KEY = "CONFIDENT_ORG_API_KEY";
    public static final String NAME = "Environment (" + ENV_ORG_KEY + ")";
    public static final String LABEL = "ENV";
    public static final String COLOUR = "#7f8c8d";

    /**
     * @return empty when {@code CONFIDENT_ORG_API_KEY} is unset or blank
     * @throws IllegalArgumentException in plain words when the variable holds something that is not a key
     */
    public static Optional<EnvironmentProfile> detect(Map<String, String> env) {
        String keyText = env.get(ENV_ORG_KEY);
        if (keyText == null || keyText.isBlank()) {
            return Optional.empty();
        }
        OrgKey key;
        try {
            key = OrgKey.of(keyText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV_ORG_KEY + " is set but unusable: " + e.getMessage(), e);
        }
        String baseUrl = env.get(BaseUrls.ENV_BASE_URL);
        if (baseUrl != null && !baseUrl.isBlank()) {
            // Checked (BaseUrls.validate) when a connection is opened, like any custom URL.
            return Optional.of(new EnvironmentProfile(
                    new Profile(NAME, null, stripTrailingSlashes(baseUrl.strip()), LABEL, COLOUR, false), key));
        }
        String regionText = env.get(BaseUrls.ENV_REGION);
        Region region = Region.parse(regionText);
        if (region == null && regionText != null && !regionText.isBlank()) {
            throw new IllegalArgumentException(BaseUrls.ENV_REGION + " is \"" + regionText.strip()
                    + "\", which is not a region: use US, EU or AU, or set " + BaseUrls.ENV_BASE_URL + ".");
        }
        if (region == null) {
            region = key.regionFromPrefix();
        }
        if (region == null) {
            region = Region.US;
        }
        return Optional.of(new EnvironmentProfile(new Profile(NAME, region, null, LABEL, COLOUR, false), key));
    }

    private static String stripTrailingSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
