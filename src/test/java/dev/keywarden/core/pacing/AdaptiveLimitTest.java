package dev.keywarden.core.pacing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limit's rules, call by call, with the durations given rather than measured. */
class AdaptiveLimitTest {

    private static final Duration FAST = Duration.ofMillis(50);
    private static final Duration SLOW = Duration.ofMillis(200);

    /** {@code calls} calls, {@code limit.limit()} at a time, each taking {@code took}. */
    private static void answer(AdaptiveLimit limit, int calls, Duration took) throws InterruptedException {
        for (int i = 0; i < calls; i++) {
            limit.acquire();
            limit.release(took, false);
        }
    }

    @Test
    void startsAtItsCapAndStaysThereWhileAnswersAreSteady() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(16);
        assertThat(limit.limit()).isEqualTo(16);
        answer(limit, 200, FAST);
        assertThat(limit.limit()).isEqualTo(16);
    }

    @Test
    void aCallTheServerPushedBackHalvesTheLimitOncePerWindow() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(16);
        for (int i = 0; i < 16; i++) {
            limit.acquire();
        }
        limit.release(FAST, true);
        assertThat(limit.limit()).isEqualTo(8);
        limit.release(FAST, true);
        limit.release(FAST, true);
        assertThat(limit.limit()).as("the calls already in flight were sent before the first 429 came back").isEqualTo(8);

        for (int i = 0; i < 13; i++) {
            limit.release(FAST, false);
        }
        limit.acquire();
        limit.release(FAST, true);
        assertThat(limit.limit()).isEqualTo(4);
    }

    @Test
    void answersSlowingDownTakeAQuarterOffThenFastAnswersBringItBackToTheCapAndNoFurther() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(16);
        answer(limit, 32, FAST);
        answer(limit, 16, SLOW);
        assertThat(limit.limit()).isEqualTo(12);

        answer(limit, 12, FAST);
        assertThat(limit.limit()).isEqualTo(13);
        answer(limit, 200, FAST);
        assertThat(limit.limit()).isEqualTo(16);
    }

    @Test
    void aSlowButSteadyServerIsNotBackedOffFrom() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(8);
        answer(limit, 100, Duration.ofMillis(400));
        assertThat(limit.limit()).isEqualTo(8);
    }

    @Test
    void neverGoesBelowOne() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(4);
        for (int i = 0; i < 20; i++) {
            limit.acquire();
            limit.release(FAST, true);
        }
        assertThat(limit.limit()).isEqualTo(1);
        answer(limit, 40, FAST);
        assertThat(limit.limit()).isEqualTo(4);
    }

    @Test
    void aCallWaitsWhileTheLimitIsInFlight() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(2);
        limit.acquire();
        limit.acquire();
        CountDownLatch third = new CountDownLatch(1);
        Thread waiting = new Thread(() -> {
            try {
                limit.acquire();
                third.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.start();
        assertThat(third.await(200, TimeUnit.MILLISECONDS)).as("a third call waits").isFalse();
        limit.release(FAST, false);
        assertThat(third.await(5, TimeUnit.SECONDS)).as("and goes once one ends").isTrue();
        assertThat(limit.inFlight()).isEqualTo(2);
        waiting.join();
    }

    @Test
    void aCapBelowOneIsRefused() {
        assertThatThrownBy(() -> new AdaptiveLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
