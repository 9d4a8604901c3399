package dev.keywarden.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    @Test
    void backoffDoublesUpToTheCeiling() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(30), () -> 0.5);

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.backoff(10)).isEqualTo(RetryPolicy.MAX_DELAY);
        assertThat(policy.backoff(64)).isEqualTo(RetryPolicy.MAX_DELAY);
    }

    @Test
    void jitterStaysWithinAQuarterEitherWay() {
        assertThat(new RetryPolicy(3, Duration.ofSeconds(30), () -> 0.0).backoff(2)).isEqualTo(Duration.ofMillis(300));
        assertThat(new RetryPolicy(3, Duration.ofSeconds(30), () -> 0.999_999).backoff(2)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void onlyIdempotentMethodsAndTransientStatuses() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(30), () -> 0.5);

        assertThat(policy.mayRetry("GET", 1)).isTrue();
        assertThat(policy.mayRetry("PUT", 2)).isTrue();
        assertThat(policy.mayRetry("DELETE", 1)).isTrue();
        assertThat(policy.mayRetry("GET", 3)).isFalse();
        assertThat(policy.mayRetry("POST", 1)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(429)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(502)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(503)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(504)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(500)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(408)).isFalse();
    }

    @Test
    void retryAfterWinsUnlessItExceedsTheCap() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(30), () -> 0.5);

        assertThat(policy.delayHonouring(Duration.ofSeconds(30), 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayHonouring(Duration.ofSeconds(31), 1)).isNull();
        assertThat(policy.delayHonouring(null, 2)).isEqualTo(Duration.ofMillis(400));
    }
}
