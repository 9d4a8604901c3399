package dev.keywarden.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything a gateway needs to reach one organisation. {@code baseUrl} is already resolved
 * (see {@link BaseUrls}) and validated: https, or http to loopback only.
 *
 * <p>{@code deadline} is the longest one call may take in all, attempts and the waits between them
 * included; {@code callTimeout} only caps a single attempt within it.
 */
public record ConnectionConfig(
        String baseUrl,
        OrgKey orgKey,
        Duration connectTimeout,
        Duration callTimeout,
        int maxAttempts,
        Duration retryAfterCap,
        Duration deadline) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_RETRY_AFTER_CAP = Duration.ofSeconds(30);
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(15);

    public ConnectionConfig {
        Objects.requireNonNull(orgKey, "orgKey");
        baseUrl = BaseUrls.validate(baseUrl);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        deadline = deadline == null ? DEFAULT_DEADLINE : deadline;
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("The deadline must be longer than zero.");
        }
    }

    public static ConnectionConfig of(String baseUrl, OrgKey orgKey) {
        return new ConnectionConfig(baseUrl, orgKey, DEFAULT_CONNECT_TIMEOUT, DEFAULT_CALL_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_AFTER_CAP, DEFAULT_DEADLINE);
    }

    public ConnectionConfig withTimeouts(Duration connect, Duration call) {
        return new ConnectionConfig(baseUrl, orgKey, connect, call, maxAttempts, retryAfterCap, deadline);
    }

    public ConnectionConfig withRetries(int attempts, Duration cap) {
        return new ConnectionConfig(baseUrl, orgKey, connectTimeout, callTimeout, attempts, cap, deadline);
    }

    public ConnectionConfig withDeadline(Duration newDeadline) {
        return new ConnectionConfig(baseUrl, orgKey, connectTimeout, callTimeout, maxAttempts, retryAfterCap,
                Objects.requireNonNull(newDeadline, "deadline"));
    }

    @Override
    public String toString() {
        return "ConnectionConfig[baseUrl=" + baseUrl + ", orgKey=" + orgKey + ", connectTimeout=" + connectTimeout
                + ", callTimeout=" + callTimeout + ", maxAttempts=" + maxAttempts + ", deadline=" + deadline + "]";
    }
}
