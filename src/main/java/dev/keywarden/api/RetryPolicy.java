package dev.keywarden.api;

import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * When a failed call is tried again, and after how long. Only GET, PUT and DELETE are retried
 * (PUT and DELETE are idempotent here: setting a name or {@code valid} twice, or deleting twice,
 * ends in the same state); a POST that timed out may have created something, so it never is.
 */
final class RetryPolicy {
    static final Duration BASE_DELAY = Duration.ofMillis(200);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);
    /** The delay varies by up to this fraction either way, so clients that failed together do not retry together. */
    static final double JITTER = 0.25;

    private static final Set<String> RETRYABLE_METHODS = Set.of("GET", "PUT", "DELETE");
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

    private final int maxAttempts;
    private final Duration retryAfterCap;
    private final DoubleSupplier random;

    /** @param random numbers in [0, 1) for the jitter */
    RetryPolicy(int maxAttempts, Duration retryAfterCap, DoubleSupplier random) {
        this.maxAttempts = maxAttempts;
        this.retryAfterCap = retryAfterCap;
        this.random = random;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    static boolean isRetryableMethod(String method) {
        return RETRYABLE_METHODS.contains(method);
    }

    static boolean isRetryableStatus(int status) {
        return RETRYABLE_STATUSES.contains(status);
    }

    /** Whether another attempt may follow attempt number {@code attempt} (1-based) of {@code method}. */
    boolean mayRetry(String method, int attempt) {
        return isRetryableMethod(method) && attempt < maxAttempts;
    }

    /** Exponential backoff after the {@code attempt}-th failure (1-based): 200 ms, 400 ms, 800 ms … ± 25 %, at most 5 s. */
    Duration backoff(int attempt) {
        long base = BASE_DELAY.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, MAX_DELAY.toMillis());
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        return Duration.ofMillis(Math.round(capped * factor));
    }

    /**
     * The wait before the next attempt when the server said {@code Retry-After} (null when it did
     * not), or null when the server asked for longer than the cap: then we give up rather than
     * block for that long.
     */
    Duration delayHonouring(Duration retryAfter, int attempt) {
        if (retryAfter == null) {
            return backoff(attempt);
        }
        return retryAfter.compareTo(retryAfterCap) > 0 ? null : retryAfter;
    }
}
