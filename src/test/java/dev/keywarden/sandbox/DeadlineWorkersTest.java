package dev.keywarden.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlineWorkersTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    private DeadlineWorkers workers;

    @AfterEach
    void stop() throws Exception {
        workers.shutdown(Duration.ofSeconds(2));
    }

    @Test
    void aWorkerStillBlockedAtItsDeadlineIsInterruptedWhichClosesItsChannel() throws Exception {
        workers = new DeadlineWorkers(limits(2, 4, SHORT));
        Pipe pipe = Pipe.open();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        long started = System.nanoTime();
        workers.execute(() -> {
            try {
                pipe.source().read(ByteBuffer.allocate(1));
                outcome.complete(null);
            } catch (Exception e) {
                outcome.complete(e);
            }
        });

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(ClosedByInterruptException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(SHORT);
        assertThat(pipe.source().isOpen()).isFalse();
    }

    @Test
    void aWorkerThatClearedItsDeadlineIsLeftAlone() throws Exception {
        workers = new DeadlineWorkers(limits(2, 4, SHORT));
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        workers.execute(() -> {
            boolean cleared = workers.disarm();
            try {
                Thread.sleep(SHORT.toMillis() * 4);
                interrupted.complete(!cleared);
            } catch (InterruptedException e) {
                interrupted.complete(true);
            }
        });
        assertThat(interrupted.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aLateInterruptNeverReachesTheNextExchangeOnTheSameThread() throws Exception {
        workers = new DeadlineWorkers(limits(1, 4, SHORT));
        CountDownLatch firstInterrupted = new CountDownLatch(1);
        workers.execute(() -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                firstInterrupted.countDown();
                // leave the flag set, as an exchange interrupted outside a blocking call would
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<Boolean> secondSawInterrupt = new CompletableFuture<>();
        workers.execute(() -> secondSawInterrupt.complete(Thread.currentThread().isInterrupted()));

        assertThat(firstInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(secondSawInterrupt.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aFullQueueRefusesTheExchangeInsteadOfRunningItOnTheAcceptingThread() throws Exception {
        workers = new DeadlineWorkers(limits(1, 1, Duration.ofSeconds(30)));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        workers.execute(() -> {
            running.countDown();
            awaitQuietly(release);
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        workers.execute(() -> { });

        Thread caller = Thread.currentThread();
        assertThatThrownBy(() -> workers.execute(() -> assertThat(Thread.currentThread()).isNotSameAs(caller)))
                .isInstanceOf(RejectedExecutionException.class);
        release.countDown();
    }

    private static ServerLimits limits(int workers, int queued, Duration headerTimeout) {
        return new ServerLimits(workers, queued, headerTimeout, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
