package dev.keywarden.core.pacing;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.UnavailableException;
import dev.keywarden.testing.FakeConfidentApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A gateway behind an adaptive limit: at most the limit in flight, and a 429 lowers the limit. */
class PacedApiTest {

    private static FakeConfidentApi organisation(int projects) {
        FakeConfidentApi api = new FakeConfidentApi();
        for (int i = 1; i <= projects; i++) {
            api.withProject("p" + i, "Project " + i, true);
        }
        return api;
    }

    @Test
    void neverHasMoreCallsInFlightThanTheLimitWhateverTheNumberOfThreads() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        FakeConfidentApi fake = organisation(40).onListApiKeys(() -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            pause();
            inFlight.decrementAndGet();
        });
        ConfidentApi paced = PacedApi.of(fake, 3);

        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                String projectId = "p" + i;
                calls.add(threads.submit(() -> paced.listApiKeys(projectId)));
            }
            for (Future<?> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void askingWhetherTheServerOffersV2IsNotACallAndItsV2CallsArePacedToo() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        FakeConfidentApi fake = organisation(40).withKeyLifecycle().onChange(keyId -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            pause();
            inFlight.decrementAndGet();
        });
        AdaptiveLimit limit = new AdaptiveLimit(4);
        ConfidentApi paced = PacedApi.of(fake, limit);
        for (int i = 0; i < 200; i++) {
            assertThat(paced.keyLifecycle()).isPresent();
        }
        assertThat(limit.limit()).as("answers from memory teach the limit nothing").isEqualTo(4);

        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                long keyId = i;
                String projectId = "p" + i;
                calls.add(threads.submit(() -> paced.keyLifecycle().orElseThrow().setApiKeyValid(projectId, keyId, false)));
            }
            for (Future<?> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(most.get()).as("v2 changes wait for a place like v1 calls").isEqualTo(4);
        assertThat(limit.limit()).isEqualTo(4);
    }

    @Test
    void aRateLimitedAnswerLowersTheLimitAndStillReachesTheCaller() {
        FakeConfidentApi fake = organisation(2);
        AdaptiveLimit limit = new AdaptiveLimit(16);
        ConfidentApi paced = PacedApi.of(fake, limit);
        fake.failNext(new UnavailableException(429, "slow down", "GET", "/v1/projects", Duration.ofSeconds(1)));

        assertThatThrownBy(paced::listProjects).isInstanceOf(UnavailableException.class).hasMessageContaining("429");
        assertThat(limit.limit()).isEqualTo(8);
        assertThat(limit.inFlight()).isZero();
        assertThat(paced.listProjects()).hasSize(2);
    }

    @Test
    void theBaseUrlAndClosingAreNotCallsAndWaitForNothing() throws Exception {
        FakeConfidentApi fake = organisation(1);
        AdaptiveLimit limit = new AdaptiveLimit(1);
        ConfidentApi paced = PacedApi.of(fake, limit);
        limit.acquire();

        assertThat(paced.baseUrl()).isEqualTo(fake.baseUrl());
        paced.close();
        assertThat(paced.toString()).contains("1 of at most 1");
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
