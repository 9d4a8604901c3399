package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 clients at once, each in its own project: reads, toggles, creates and deletes of its own keys. Each
 * client keeps a model of what it did; since nobody else writes its keys, every read must match that model
 * and so must the end state. No request may fail. 64 x 50 requests in the normal build;
 * {@code -Dkeywarden.load.full=true} runs 64 x 500, and {@code -Dkeywarden.load.data=true} runs against a
 * data file instead of memory. Prints requests per second and the p50/p95 latency.
 */
class SandboxLoadTest {

    private static final int CLIENTS = 64;
    private static final int REQUESTS_PER_CLIENT = Boolean.getBoolean("keywarden.load.full") ? 500 : 50;

    @TempDir
    Path dir;

    private SandboxServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sixtyFourClientsLoseNoUpdateAndGetNoError() throws Exception {
        SandboxOptions options = SandboxOptions.defaults().withEmpty(true);
        if (Boolean.getBoolean("keywarden.load.data")) {
            options = options.withDataFile(dir.resolve("load.json"));
        }
        server = SandboxServer.start(options);
        SandboxClient client = new SandboxClient(server);

        List<LoadClient> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            JsonNode created = assertSuccess(client.post("/v1/projects", "{\"name\": \"Load " + c + "\"}"));
            clients.add(new LoadClient(client, created.get("project").get("id").asText(),
                    created.get("apiKey").get("id").asLong(), new Random(c)));
        }

        List<String> failures = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long started;
        try {
            List<Future<?>> done = new ArrayList<>();
            for (LoadClient loadClient : clients) {
                done.add(pool.submit(() -> {
                    go.await();
                    loadClient.run(REQUESTS_PER_CLIENT, failures);
                    return null;
                }));
            }
            started = System.nanoTime();
            go.countDown();
            for (Future<?> future : done) {
                future.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        long[] latencies = clients.stream().flatMapToLong(c -> Arrays.stream(c.latencies())).sorted().toArray();
        System.out.printf("Sandbox load (%s): %d clients x %d requests = %d in %.1f s: %.0f requests/s, "
                        + "p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                options.dataFile() == null ? "in memory" : "data file", CLIENTS, REQUESTS_PER_CLIENT,
                latencies.length, seconds, latencies.length / seconds, percentile(latencies, 50) / 1e6,
                percentile(latencies, 95) / 1e6, latencies[latencies.length - 1] / 1e6);

        assertThat(failures).isEmpty();
        assertThat(latencies).hasSize(CLIENTS * REQUESTS_PER_CLIENT);
        for (LoadClient loadClient : clients) {
            assertThat(loadClient.stateOnServer()).as("keys of %s", loadClient.projectId).isEqualTo(loadClient.model);
            assertThat(keysInStore(loadClient.projectId)).as("keys of %s in the store", loadClient.projectId)
                    .isEqualTo(loadClient.model);
        }
    }

    private Map<Long, Boolean> keysInStore(String projectId) {
        Map<Long, Boolean> keys = new TreeMap<>();
        server.store().keys(projectId).forEach(key -> keys.put(key.id(), key.valid()));
        return keys;
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    /** One client: its project, the keys it believes it has (id to valid), and how long each request took. */
    private static final class LoadClient {
        private final SandboxClient http;
        private final String projectId;
        private final String keys;
        private final Random random;
        private final Map<Long, Boolean> model = new TreeMap<>();
        private long[] latencies = new long[0];
        private int created;

        LoadClient(SandboxClient http, String projectId, long defaultKey, Random random) {
            this.http = http;
            this.projectId = projectId;
            this.keys = "/v1/projects/" + projectId + "/api-keys";
            this.random = random;
            model.put(defaultKey, true);
        }

        void run(int requests, List<String> failures) {
            latencies = new long[requests];
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                String problem = step();
                latencies[i] = System.nanoTime() - start;
                if (problem != null) {
                    failures.add(projectId + ": " + problem);
                    return;
                }
            }
        }

        /** One random request; null when its answer matches the model, else what was wrong. */
        private String step() {
            int roll = random.nextInt(100);
            if (model.isEmpty() || roll < 20) {
                return create();
            }
            Long key = pickKey();
            if (roll < 45) {
                return readAll();
            }
            if (roll < 55) {
                return readOne(key);
            }
            if (roll < 85) {
                return toggle(key);
            }
            return delete(key);
        }

        private String create() {
            SandboxClient.Response response = http.post(keys, "{\"name\": \"key " + created++ + "\"}");
            if (response.status() != 200) {
                return "create answered " + response.status() + " " + response.json();
            }
            JsonNode key = response.data().get("apiKey");
            model.put(key.get("id").asLong(), key.get("valid").booleanValue());
            return null;
        }

        private String readAll() {
            SandboxClient.Response response = http.get(keys);
            if (response.status() != 200) {
                return "list answered " + response.status() + " " + response.json();
            }
            Map<Long, Boolean> listed = new TreeMap<>();
            response.data().get("apiKeys").forEach(key -> listed.put(key.get("id").asLong(), key.get("valid").booleanValue()));
            return listed.equals(model) ? null : "listed " + listed + " but expected " + model;
        }

        private String readOne(long key) {
            SandboxClient.Response response = http.get(keys + "/" + key);
            if (response.status() != 200) {
                return "get " + key + " answered " + response.status() + " " + response.json();
            }
            boolean valid = response.data().get("apiKey").get("valid").booleanValue();
            return valid == model.get(key) ? null : "key " + key + " read valid=" + valid + " after setting " + model.get(key);
        }

        private String toggle(long key) {
            boolean valid = random.nextBoolean();
            SandboxClient.Response response = http.put(keys + "/" + key, "{\"valid\": " + valid + "}");
            if (response.status() != 200) {
                return "toggle " + key + " answered " + response.status() + " " + response.json();
            }
            model.put(key, valid);
            boolean echoed = response.data().get("apiKey").get("valid").booleanValue();
            return echoed == valid ? null : "toggle " + key + " to " + valid + " echoed " + echoed;
        }

        private String delete(long key) {
            SandboxClient.Response response = http.delete(keys + "/" + key);
            if (response.status() != 200) {
                return "delete " + key + " answered " + response.status() + " " + response.json();
            }
            model.remove(key);
            return null;
        }

        private long pickKey() {
            List<Long> ids = new ArrayList<>(model.keySet());
            return ids.get(random.nextInt(ids.size()));
        }

        Map<Long, Boolean> stateOnServer() {
            Map<Long, Boolean> listed = new TreeMap<>();
            assertSuccess(http.get(keys)).get("apiKeys")
                    .forEach(key -> listed.put(key.get("id").asLong(), key.get("valid").booleanValue()));
            return listed;
        }

        long[] latencies() {
            return latencies;
        }
    }
}
