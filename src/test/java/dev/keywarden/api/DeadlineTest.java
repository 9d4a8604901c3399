package dev.keywarden.api;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.keywarden.api.NoSecrets.failure;
import static dev.keywarden.api.TestApis.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** One deadline per call, shared by its attempts and the waits between them. */
class DeadlineTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void theDefaultIsFifteenSecondsPerConnection() {
        ConnectionConfig config = TestApis.config(server);

        assertThat(config.deadline()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.withDeadline(Duration.ofSeconds(40)).deadline()).isEqualTo(Duration.ofSeconds(40));
        assertThat(config.withDeadline(Duration.ofSeconds(40)).withRetries(2, Duration.ofSeconds(3)).deadline())
                .isEqualTo(Duration.ofSeconds(40));
        assertThatIllegalArgumentException().isThrownBy(() -> config.withDeadline(Duration.ZERO));
    }

    @Test
    void aWaitThatWouldPassTheDeadlineIsNotTaken() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "3").build());
        server.enqueue(TestApis.fixture("projects.json"));
        RecordingSleeper sleeper = new RecordingSleeper();

        try (HttpConfidentApi api = TestApis.api(TestApis.config(server).withDeadline(Duration.ofSeconds(2)), sleeper)) {
            UnavailableException failure = failure(UnavailableException.class, api::listProjects);

            assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        }
        assertThat(sleeper.waits).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void backoffStopsWhenTheRemainingTimeIsShorterThanTheNextWait() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(error(502, "Bad gateway"));
        }
        // Real waits: 200 ms fits in 500 ms, the following 400 ms does not fit in what is left.
        try (HttpConfidentApi api = TestApis.api(TestApis.config(server).withDeadline(Duration.ofMillis(500)), Sleeper.REAL)) {
            long start = System.nanoTime();
            ApiException failure = failure(ApiException.class, api::listProjects);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500 + 1500));
            assertThat(failure).isInstanceOfAny(ServerException.class, DeadlineExceededException.class);
        }
        assertThat(server.getRequestCount()).isLessThanOrEqualTo(2);
    }
}
