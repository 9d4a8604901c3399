package dev.keywarden.api;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static dev.keywarden.api.TestApis.error;
import static org.assertj.core.api.Assertions.assertThat;

/** Interrupting the calling thread ends a call promptly, whether it is waiting on the network or between retries. */
class HttpConfidentApiCancellationTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void interruptCancelsACallTheServerNeverAnswers() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        ConnectionConfig config = TestApis.config(server).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30));
        try (HttpConfidentApi api = TestApis.api(config, new RecordingSleeper())) {
            Outcome outcome = runInThread(api::organization);
            assertThat(server.takeRequest(2, TimeUnit.SECONDS)).as("request reached the server").isNotNull();

            long start = System.nanoTime();
            outcome.thread.interrupt();
            outcome.thread.join(1000);

            assertThat(outcome.thread.isAlive()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(outcome.failure.get()).isInstanceOf(CancelledException.class);
            assertThat(((ApiException) outcome.failure.get()).path()).isEqualTo("/v1/organization");
            assertThat(outcome.interruptFlagKept.get()).isTrue();
            awaitNoCallsInFlight(api);
        }
    }

    @Test
    void interruptDuringBackoffCancels() throws Exception {
        server.enqueue(error(503, "Maintenance"));
        CountDownLatch sleeping = new CountDownLatch(1);
        Sleeper slow = duration -> {
            sleeping.countDown();
            Thread.sleep(30_000);
        };
        try (HttpConfidentApi api = TestApis.api(TestApis.config(server), slow)) {
            Outcome outcome = runInThread(api::listProjects);
            assertThat(sleeping.await(2, TimeUnit.SECONDS)).isTrue();

            outcome.thread.interrupt();
            outcome.thread.join(1000);

            assertThat(outcome.failure.get()).isInstanceOf(CancelledException.class);
            assertThat(outcome.interruptFlagKept.get()).isTrue();
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void alreadyInterruptedThreadSendsNothing() {
        try (HttpConfidentApi api = TestApis.api(TestApis.config(server), new RecordingSleeper())) {
            Thread.currentThread().interrupt();
            try {
                NoSecrets.failure(CancelledException.class, api::organization);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void closeEndsACallInFlight() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        HttpConfidentApi api = TestApis.api(TestApis.config(server), new RecordingSleeper());
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                api.organization();
                return null;
            } catch (ApiException e) {
                return e;
            }
        });
        assertThat(server.takeRequest(2, TimeUnit.SECONDS)).isNotNull();

        api.close();

        assertThat(failure.get(1, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
    }

    /** The OkHttp call itself was cancelled, not merely abandoned by the caller. */
    private static void awaitNoCallsInFlight(HttpConfidentApi api) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (api.callsInFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(api.callsInFlight()).isZero();
    }

    private record Outcome(Thread thread, AtomicReference<Throwable> failure, AtomicBoolean interruptFlagKept) {
    }

    private static Outcome runInThread(Runnable call) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread thread = new Thread(() -> {
            try {
                call.run();
            } catch (Throwable t) {
                failure.set(t);
            }
            interrupted.set(Thread.currentThread().isInterrupted());
        }, "caller");
        thread.start();
        return new Outcome(thread, failure, interrupted);
    }
}
