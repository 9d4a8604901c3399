package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficSimulatorTest {

    @Test
    @SuppressWarnings("try") // the resource only has to be open during the block
    void usesActiveKeysOnlyAndMovesTheirLastUse() throws Exception {
        Instant started = Instant.now().minusMillis(1);
        SandboxStore store = new SandboxStore(DemoData.generate(new Random(4), Instant.now()), Clock.systemUTC(), d -> { });
        try (TrafficSimulator traffic = new TrafficSimulator(store, new Random(4), Duration.ofMillis(1),
                Duration.ofMillis(5)).start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (usedSince(store, started) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(usedSince(store, started)).isGreaterThanOrEqualTo(3);
        store.projects().forEach(p -> store.keys(p.id()).stream()
                .filter(k -> !k.valid())
                .forEach(k -> assertThat(k.lastUsed() == null || k.lastUsed().isBefore(started)).isTrue()));
    }

    /** Watches this server's own simulator threads only: other tests may close sandboxes on threads nobody waits for. */
    @Test
    void aServerWithSimulatedTrafficClosesCleanly() throws Exception {
        SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withSimulateTraffic(true));
        TrafficSimulator traffic = server.traffic();
        List<Thread> threads = traffic.threads();
        assertThat(threads)
                .isNotEmpty()
                .allMatch(Thread::isAlive)
                .allMatch(Thread::isDaemon)
                .allMatch(t -> t.getName().startsWith("sandbox-"));
        server.close();
        assertThat(traffic.isTerminated()).isTrue();
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(5).toMillis());
        }
        assertThat(threads).noneMatch(Thread::isAlive);
        assertThat(traffic.threads()).isEqualTo(threads);
    }

    private static long usedSince(SandboxStore store, Instant since) {
        return store.projects().stream()
                .flatMap(p -> store.keys(p.id()).stream())
                .map(ApiKey::lastUsed)
                .filter(Objects::nonNull)
                .filter(t -> t.isAfter(since))
                .count();
    }
}
