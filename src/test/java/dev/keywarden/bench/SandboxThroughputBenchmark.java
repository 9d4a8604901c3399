package dev.keywarden.bench;

import dev.keywarden.model.Project;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code sandbox-throughput}: requests per second the product's sandbox server answers to 64 clients at once,
 * each on its own kept-alive connection switching its own key off and on (every request a change, the
 * hardest case for {@code --data}, which saves each change before answering it), in memory and with
 * {@code --data}, alternated. No latency.
 */
final class SandboxThroughputBenchmark implements Benchmark {
    static final int CLIENTS = 64;
    /** Where each key was left, so that every request of the next run is a change too. */
    private static final Map<String, Boolean> VALID = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "sandbox-throughput";
    }

    @Override
    public void run(Scale scale, Figures figures) throws Exception {
        Duration length = Duration.ofMillis(scale.pick(4000, 200));
        Path folder = Files.createTempDirectory("keywarden-bench");
        Path dataFile = folder.resolve("sandbox.json");
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        try (SandboxServer memory = SandboxServer.start(SandboxOptions.defaults().withEmpty(true));
             SandboxServer data = SandboxServer.start(SandboxOptions.defaults().withEmpty(true).withDataFile(dataFile))) {
            List<String> memoryKeys = keyPaths(memory);
            List<String> dataKeys = keyPaths(data);
            rate(memory, memoryKeys, threads, length.dividedBy(4));
            rate(data, dataKeys, threads, length.dividedBy(4));
            double[][] rates = new double[2][scale.rounds()];
            for (int round = 0; round < scale.rounds(); round++) {
                boolean memoryFirst = round % 2 == 0;
                rates[memoryFirst ? 0 : 1][round] = memoryFirst ? rate(memory, memoryKeys, threads, length)
                        : rate(data, dataKeys, threads, length);
                rates[memoryFirst ? 1 : 0][round] = memoryFirst ? rate(data, dataKeys, threads, length)
                        : rate(memory, memoryKeys, threads, length);
            }
            double inMemory = median(rates[0]);
            double withData = median(rates[1]);
            String how = CLIENTS + " clients, key toggles, " + length.toMillis() + " ms x " + scale.rounds() + " runs";
            figures.add("sandbox-throughput-memory", inMemory, "req/s", how);
            figures.add("sandbox-throughput-data", withData, "req/s", how + ", --data");
            figures.add("sandbox-throughput-ratio", withData / inMemory, "ratio", Goal.atLeast(0.5), "--data / in memory");
        } finally {
            threads.shutdownNow();
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    /** One project per client, each with its default key: the client's own. */
    private static List<String> keyPaths(SandboxServer server) {
        List<String> paths = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Project project = server.store().createProject("Client %02d".formatted(c), null).project();
            long keyId = server.store().keys(project.id()).get(0).id();
            paths.add("/v1/projects/" + project.id() + "/api-keys/" + keyId);
        }
        return paths;
    }

    /** Every client toggles its key for {@code length}; answered requests per second. */
    private static double rate(SandboxServer server, List<String> keyPaths, ExecutorService threads, Duration length)
            throws Exception {
        CountDownLatch connected = new CountDownLatch(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<Integer>> answered = new ArrayList<>();
        for (String path : keyPaths) {
            answered.add(threads.submit(client(server, path, connected, go, deadline)));
        }
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the clients could not connect");
        }
        long start = System.nanoTime();
        deadline[0] = start + length.toNanos();
        go.countDown();
        int total = 0;
        for (Future<Integer> count : answered) {
            total += count.get(2 * length.toSeconds() + 60, TimeUnit.SECONDS);
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private static Callable<Integer> client(SandboxServer server, String path, CountDownLatch connected, CountDownLatch go,
                                            long[] deadline) {
        return () -> {
            try (KeepAliveClient client = new KeepAliveClient(server.port(), server.orgKey())) {
                connected.countDown();
                go.await();
                int count = 0;
                boolean valid = VALID.getOrDefault(path, true);
                while (System.nanoTime() < deadline[0]) {
                    valid = !valid;
                    int status = client.put(path, "{\"valid\": " + valid + "}");
                    if (status != 200) {
                        throw new IllegalStateException("PUT " + path + " answered " + status);
                    }
                    count++;
                }
                VALID.put(path, valid);
                return count;
            }
        };
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
