package dev.keywarden.cli;

import dev.keywarden.api.ConnectionConfig;

/**
 * Where a headless command goes and with which organisation key.
 *
 * @param source in words, for messages: {@code saved connection "Production"}, {@code CONFIDENT_ORG_API_KEY}
 */
public record Connection(String source, ConnectionConfig config) {

    public String baseUrl() {
        return config.baseUrl();
    }

    @Override
    public String toString() {
        return "Connection[" + source + ", " + config + "]";
    }
}
