package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's latency stands for a slow network: every request waits it out at the same time as the
 * others, whatever the number of workers. Here 2 workers and 1 s of latency: 8 requests at once are all
 * answered after about 1 s. When the latency was a sleep on a worker they took 4 s (4 rounds of 2).
 */
class SandboxLatencyTest {

    private static final ServerLimits TWO_WORKERS = new ServerLimits(2, 256, Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30));
    private static final int CLIENTS = 8;

    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    private SandboxServer server;

    @AfterEach
    void stop() {
        clients.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void requestsWaitOutTheLatencyTogetherWithoutHoldingAWorker() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withLatency(Duration.ofSeconds(1)), TWO_WORKERS);
        SandboxClient client = new SandboxClient(server);
        String projectPath = "/v1/projects/" + server.store().projects().get(0).id();

        long start = System.nanoTime();
        List<CompletableFuture<SandboxClient.Response>> answers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String path = i % 2 == 0 ? "/v1/organization" : projectPath + "/api-keys";
            answers.add(CompletableFuture.supplyAsync(() -> client.get(path), clients));
        }
        for (CompletableFuture<SandboxClient.Response> answer : answers) {
            assertSuccess(answer.get(10, TimeUnit.SECONDS));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("every request waited the latency").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(took).as("all waited at once, not in rounds of two").isLessThan(Duration.ofMillis(2900));
    }

    @Test
    void aChangeIsMadeAfterTheLatencyAndAnsweredOnce() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withLatency(Duration.ofSeconds(1)), TWO_WORKERS);
        SandboxClient client = new SandboxClient(server);
        String projectId = server.store().projects().get(0).id();
        long keyId = server.store().keys(projectId).stream().filter(ApiKey::valid).findFirst().orElseThrow().id();

        CompletableFuture<SandboxClient.Response> answer = CompletableFuture.supplyAsync(
                () -> client.put("/v1/projects/" + projectId + "/api-keys/" + keyId, "{\"valid\": false}"), clients);
        Thread.sleep(200);
        assertThat(server.store().key(projectId, keyId).orElseThrow().valid()).as("not yet: the request is still on its way").isTrue();

        assertSuccess(answer.get(10, TimeUnit.SECONDS));
        assertThat(server.store().key(projectId, keyId).orElseThrow().valid()).isFalse();
    }
}
