package dev.keywarden.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything a gateway needs to reach one organisation. {@code baseUrl} is already resolved
 * (see {@link BaseUrls}) and validated: https, or http to loopback only.
 */
public record ConnectionConfig(
        String baseUrl,
        OrgKey orgKey,
        Duration connectTimeout,
        Duration callTimeout,
        int maxAttempts,
        Duration retryAfterCap) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_RETRY_AFTER_CAP = Duration.ofSeconds(30);

    public ConnectionConfig {
        Objects.requireNonNull(orgKey, "orgKey");
        baseUrl = BaseUrls.validate(baseUrl);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static ConnectionConfig of(String baseUrl, OrgKey orgKey) {
        return new ConnectionConfig(baseUrl, orgKey, DEFAULT_CONNECT_TIMEOUT, DEFAULT_CALL_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_AFTER_CAP);
    }

    public ConnectionConfig withTimeouts(Duration connect, Duration call) {
        return new ConnectionConfig(baseUrl, orgKey, connect, call, maxAttempts, retryAfterCap);
    }

    public ConnectionConfig withRetries(int attempts, Duration cap) {
        return new ConnectionConfig(baseUrl, orgKey, connectTimeout, callTimeout, attempts, cap);
    }

    @Override
    public String toString() {
        return "ConnectionConfig[baseUrl=" + baseUrl + ", orgKey=" + orgKey + ", connectTimeout=" + connectTimeout
                + ", callTimeout=" + callTimeout + ", maxAttempts=" + maxAttempts + "]";
    }
}
