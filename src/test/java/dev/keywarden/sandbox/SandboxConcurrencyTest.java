package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.model.ApiKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 clients at once toggle keys, mint keys and read. Each client owns its keys, so its writes to a key
 * are serialised and the last acknowledged one must be what the store holds at the end.
 */
class SandboxConcurrencyTest {

    private static final int CLIENTS = 32;
    private static final int ROUNDS = 12;

    private SandboxServer server;
    private SandboxClient client;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true));
        client = new SandboxClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void concurrentWritesAreNeitherLostNorMixedUp() throws Exception {
        writeConcurrently(server, client);
    }

    /** The same load with every change journaled: the answers agree with memory, and a restart with both. */
    @Test
    void concurrentWritesWithADataFileAreAllThereAfterARestart(@TempDir Path dir) throws Exception {
        SandboxOptions options = SandboxOptions.defaults().withEmpty(true).withDataFile(dir.resolve("sandbox.json"));
        SandboxData written;
        try (SandboxServer durable = SandboxServer.start(options)) {
            writeConcurrently(durable, new SandboxClient(durable));
            written = durable.store().snapshot();
        }
        try (SandboxServer restarted = SandboxServer.start(options)) {
            assertThat(restarted.store().snapshot()).isEqualTo(written);
        }
    }

    /**
     * Management calls with created organisation keys, each use journaled, while the keys are switched off
     * and on: every call is answered 200 or 401 (never 500), one made after the switch-off answer is refused,
     * and a restart finds what memory held, last uses included.
     */
    @Test
    void orgKeysUsedWhileTheyAreSwitchedOffAndOn(@TempDir Path dir) throws Exception {
        SandboxOptions options = SandboxOptions.defaults().withEmpty(true).withDataFile(dir.resolve("sandbox.json"));
        SandboxData written;
        try (SandboxServer durable = SandboxServer.start(options)) {
            SandboxClient admin = new SandboxClient(durable);
            List<Long> ids = new ArrayList<>();
            List<SandboxClient> users = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                JsonNode key = assertSuccess(admin.post("/v1/organization/api-keys", "{\"name\": \"org " + i + "\"}"))
                        .get("apiKey");
                ids.add(key.get("id").asLong());
                users.add(new SandboxClient(durable.baseUrl(), key.get("value").asText()));
            }
            Set<Integer> statuses = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    SandboxClient user = users.get(t % users.size());
                    running.add(pool.submit(() -> {
                        for (int r = 0; r < 25; r++) {
                            statuses.add(user.get(r % 2 == 0 ? "/v1/projects" : "/v1/organization/api-keys").status());
                        }
                    }));
                }
                for (int round = 0; round < 5; round++) {
                    for (int i = 0; i < ids.size(); i++) {
                        String path = "/v1/organization/api-keys/" + ids.get(i);
                        assertSuccess(admin.put(path, "{\"valid\": false}"));
                        assertThat(users.get(i).get("/v1/organization").status()).isEqualTo(401);
                        assertSuccess(admin.put(path, "{\"valid\": true}"));
                    }
                }
                for (Future<?> future : running) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(statuses).isSubsetOf(200, 401).contains(200);
            for (int i = 0; i < ids.size(); i++) {
                assertSuccess(users.get(i).get("/v1/organization"));
                assertThat(durable.store().orgKey(ids.get(i)).orElseThrow().lastUsed()).isNotNull();
            }
            written = durable.store().snapshot();
        }
        try (SandboxServer restarted = SandboxServer.start(options)) {
            assertThat(restarted.store().snapshot()).isEqualTo(written);
        }
    }

    private static void writeConcurrently(SandboxServer server, SandboxClient client) throws Exception {
        String projectId = assertSuccess(client.post("/v1/projects", "{\"name\": \"Shared\"}"))
                .get("project").get("id").asText();
        String keys = "/v1/projects/" + projectId + "/api-keys";
        List<Long> ownedKeys = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            ownedKeys.add(assertSuccess(client.post(keys, "{\"name\": \"owned " + i + "\"}")).get("apiKey").get("id").asLong());
        }

        Map<Long, Boolean> lastAcknowledged = new ConcurrentHashMap<>();
        List<Long> minted = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                long mine = ownedKeys.get(c);
                Random random = new Random(c);
                int clientNo = c;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        boolean valid = random.nextBoolean();
                        SandboxClient.Response put = client.put(keys + "/" + mine, "{\"valid\": " + valid + "}");
                        record(failures, put);
                        if (put.status() == 200) {
                            assertThat(put.data().get("apiKey").get("valid").booleanValue()).isEqualTo(valid);
                            lastAcknowledged.put(mine, valid);
                        }
                        SandboxClient.Response post = client.post(keys, "{\"name\": \"c" + clientNo + " r" + round + "\"}");
                        record(failures, post);
                        if (post.status() == 200) {
                            minted.add(post.data().get("apiKey").get("id").asLong());
                        }
                        record(failures, client.get(keys));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).isEmpty();
        assertThat(minted).hasSize(CLIENTS * ROUNDS);
        assertThat(new HashSet<>(minted)).hasSize(minted.size());

        JsonNode listed = assertSuccess(client.get(keys)).get("apiKeys");
        assertThat(listed.size()).isEqualTo(1 + CLIENTS + CLIENTS * ROUNDS);
        Set<Long> ids = new HashSet<>();
        listed.forEach(key -> ids.add(key.get("id").asLong()));
        assertThat(ids).hasSize(listed.size()).containsAll(minted).containsAll(ownedKeys);
        for (long keyId : ownedKeys) {
            ApiKey stored = server.store().key(projectId, keyId).orElseThrow();
            assertThat(stored.valid()).as("key %d", keyId).isEqualTo(lastAcknowledged.get(keyId));
        }
    }

    @Test
    void concurrentProjectCreationKeepsNamesUnique() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientNo = c;
                done.add(pool.submit(() -> {
                    // Pairs of clients race for the same name: exactly one of each pair wins.
                    statuses.add(client.post("/v1/projects", "{\"name\": \"Race " + clientNo / 2 + "\"}").status());
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(CLIENTS / 2);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(CLIENTS / 2);
        assertThat(server.store().projects()).hasSize(CLIENTS / 2);
    }

    private static void record(List<String> failures, SandboxClient.Response response) {
        if (response.status() != 200) {
            failures.add(response.status() + " " + response.json());
        }
    }
}
