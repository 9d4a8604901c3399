package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a write costs: key toggles per second straight on the store and over HTTP, in memory, with the
 * {@code --data} journal, and (for comparison) with the whole file rewritten per change as before the
 * journal. Prints figures and asserts only that every write was answered. The suite runs a moderate size;
 * {@code -Dkeywarden.bench.full=true} runs 250 projects x 20 keys and more writes.
 */
@Tag("benchmark")
class SandboxWriteBenchmark {

    private static final String PREFIX = "[benchmark] ";
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    @Test
    void writesPerSecondInMemoryAndWithADataFile() throws Exception {
        boolean full = Boolean.parseBoolean(System.getProperty("keywarden.bench.full", "false"));
        int projects = full ? 250 : 100;
        int keysPerProject = 20;
        int storeWrites = full ? 4000 : 300;
        int wholeFileWrites = full ? 200 : 20;
        int httpClients = 16;
        int httpWritesPerClient = full ? 100 : 20;
        SandboxData organisation = organisation(projects, keysPerProject);

        List<String> rows = new ArrayList<>();
        rows.add(row("store, in memory", storeWrites, store(organisation, null, UnaryOperator.identity())));
        rows.add(row("store, --data journal", storeWrites,
                store(organisation, dir.resolve("journal.json"), UnaryOperator.identity())));
        rows.add(row("store, --data whole file", wholeFileWrites,
                store(organisation, dir.resolve("whole.json"), journal -> {
                    journal.close();
                    return new WholeFileWriter(dir.resolve("whole.json"), organisation);
                })));
        rows.add(row("HTTP " + httpClients + " clients, in memory", httpClients * httpWritesPerClient,
                http(organisation, projects, keysPerProject, null, httpClients, httpWritesPerClient)));
        rows.add(row("HTTP " + httpClients + " clients, --data", httpClients * httpWritesPerClient,
                http(organisation, projects, keysPerProject, dir.resolve("http.json"), httpClients, httpWritesPerClient)));

        System.out.println(PREFIX + "sandbox key toggles, " + projects + " projects x " + keysPerProject + " keys, data file "
                + Files.size(dir.resolve("journal.json")) / 1024 + " KiB, " + Runtime.getRuntime().availableProcessors()
                + " CPUs, JVM " + System.getProperty("java.version"));
        System.out.println(PREFIX + "%-32s %7s %9s %10s".formatted("where", "writes", "ms", "writes/s"));
        rows.forEach(row -> System.out.println(PREFIX + row));
    }

    /** A store toggling keys one after another; returns how long {@code writes} toggles took, in nanoseconds. */
    private interface Measured {
        long nanos(int writes) throws Exception;
    }

    private static String row(String where, int writes, Measured measured) throws Exception {
        long nanos = measured.nanos(writes);
        return "%-32s %7d %9.0f %10.0f".formatted(where, writes, nanos / 1e6, writes / (nanos / 1e9));
    }

    private static Measured store(SandboxData organisation, Path file, UnaryOperator<ChangeWriter> writers) {
        return writes -> {
            try (SandboxStore store = SandboxStorage.open(file, () -> organisation, CLOCK, writers)) {
                List<long[]> keys = keysOf(store);
                toggle(store, keys, 0, 20);
                long start = System.nanoTime();
                toggle(store, keys, 20, writes);
                return System.nanoTime() - start;
            }
        };
    }

    /** Each call a real change: the first pass over the keys switches them off, the next on again, and so on. */
    private static void toggle(SandboxStore store, List<long[]> keys, int from, int writes) {
        List<Project> projects = store.projects();
        for (int i = from; i < from + writes; i++) {
            long[] key = keys.get(i % keys.size());
            ApiKey toggled = store.setKeyValid(projects.get((int) key[0]).id(), key[1], i / keys.size() % 2 == 1);
            assertThat(toggled.id()).isEqualTo(key[1]);
        }
    }

    /** {project index, key id} for every key whose valid flag is true, so each toggle is a real change. */
    private static List<long[]> keysOf(SandboxStore store) {
        List<long[]> keys = new ArrayList<>();
        List<Project> projects = store.projects();
        for (int p = 0; p < projects.size(); p++) {
            for (ApiKey key : store.keys(projects.get(p).id())) {
                if (key.valid()) {
                    keys.add(new long[] {p, key.id()});
                }
            }
        }
        return keys;
    }

    private static Measured http(SandboxData organisation, int projectCount, int keysPerProject, Path file,
                                 int clients, int perClient) {
        return writes -> {
            if (file != null) {
                SandboxStorage.open(file, () -> organisation, CLOCK, UnaryOperator.identity()).close();
            }
            SandboxOptions options = SandboxOptions.defaults().withEmpty(true).withDataFile(file);
            try (SandboxServer server = SandboxServer.start(options)) {
                if (file == null) {
                    fill(server.store(), projectCount, keysPerProject);
                }
                SandboxClient client = new SandboxClient(server);
                List<Project> projects = server.store().projects();
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                try {
                    String warmUp = "/v1/projects/" + projects.get(0).id() + "/api-keys/"
                            + server.store().keys(projects.get(0).id()).get(0).id();
                    for (int i = 0; i < 40; i++) {
                        assertThat(client.put(warmUp, "{\"valid\": " + (i % 2 == 0) + "}").status()).isEqualTo(200);
                    }
                    long start = System.nanoTime();
                    List<Future<?>> done = new ArrayList<>();
                    for (int c = 0; c < clients; c++) {
                        Project project = projects.get(c % projects.size());
                        long keyId = server.store().keys(project.id()).get(1 + c / projects.size()).id();
                        String path = "/v1/projects/" + project.id() + "/api-keys/" + keyId;
                        done.add(pool.submit(() -> {
                            for (int i = 0; i < perClient; i++) {
                                assertThat(client.put(path, "{\"valid\": " + (i % 2 == 0) + "}").status()).isEqualTo(200);
                            }
                            return null;
                        }));
                    }
                    for (Future<?> future : done) {
                        future.get(120, TimeUnit.SECONDS);
                    }
                    return System.nanoTime() - start;
                } finally {
                    pool.shutdownNow();
                }
            }
        };
    }

    private static SandboxData organisation(int projects, int keysPerProject) {
        SandboxStore store = new SandboxStore(DemoData.empty(new Random(1), CLOCK.instant()), CLOCK, ChangeWriter.IN_MEMORY);
        fill(store, projects, keysPerProject);
        return store.snapshot();
    }

    private static void fill(SandboxStore store, int projects, int keysPerProject) {
        for (int p = 1; p <= projects; p++) {
            String projectId = store.createProject("Project %04d".formatted(p), "Benchmark project " + p).project().id();
            for (int k = 2; k <= keysPerProject; k++) {
                store.createKey(projectId, "Key %02d".formatted(k));
            }
        }
    }

    /** How every write was saved before the journal: the whole state, rewritten and forced per change. */
    private static final class WholeFileWriter implements ChangeWriter {
        private final DataFile file;
        private SandboxData saved;

        WholeFileWriter(Path path, SandboxData saved) {
            this.file = new DataFile(path);
            this.saved = saved;
        }

        @Override
        public void write(Change change) throws IOException {
            StoreState next = new StoreState(saved);
            change.applyTo(next);
            SandboxData data = next.toData();
            file.write(file.content(data, 1));
            saved = data;
        }
    }
}
