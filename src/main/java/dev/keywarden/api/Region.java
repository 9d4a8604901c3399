package dev.keywarden.api;

/** Confident AI's hosted regions. Self-hosted installs use a custom base URL instead. */
public enum Region {
    US("https://api.confident-ai.com"),
    EU("https://eu.api.confident-ai.com"),
    AU("https://au.api.confident-ai.com");

    private final String baseUrl;

    Region(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Parses US, EU or AU in any case; null when the text names no region. */
    public static Region parse(String text) {
        if (text == null) {
            return null;
        }
        for (Region region : values()) {
            if (region.name().equalsIgnoreCase(text.strip())) {
                return region;
            }
        }
        return null;
    }
}
