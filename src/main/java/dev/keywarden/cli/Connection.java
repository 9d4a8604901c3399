package dev.keywarden.cli;

import dev.keywarden.api.ConnectionConfig;

/**
 * Where a headless command goes and with which organisation key.
 *
 * @param source      in words, for messages: {@code saved connection "Production"}, {@code CONFIDENT_ORG_API_KEY}
 * @param profileName what the audit trail records as the profile: the saved connection's name, or
 *                    {@value ConnectionOptions#COMMAND_LINE_PROFILE} for a key from the environment
 */
public record Connection(String source, String profileName, ConnectionConfig config) {

    public String baseUrl() {
        return config.baseUrl();
    }

    @Override
    public String toString() {
        return "Connection[" + source + ", " + profileName + ", " + config + "]";
    }
}
