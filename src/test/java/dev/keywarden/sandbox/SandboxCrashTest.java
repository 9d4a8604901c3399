package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sandbox in its own JVM, killed with SIGKILL while clients write projects, project keys and organisation
 * keys: every acknowledged change is there after.
 */
class SandboxCrashTest {

    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    @Test
    void killMinus9LosesNoAcknowledgedChange() throws Exception {
        Path file = dir.resolve("sandbox.json");
        Process sandbox = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), SandboxCommand.class.getName(),
                "--port", "0", "--empty", "--org-key", "org-key", "--data", file.toString())
                .redirectErrorStream(true)
                .start();
        Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        Map<String, Boolean> acknowledgedOrgKeys = new ConcurrentHashMap<>();
        // A change whose answer the kill cut off may or may not have been made; only answered ones must be there.
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        AtomicInteger changes = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            SandboxClient client = new SandboxClient(baseUrl(sandbox), "org-key");
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientNo = c;
                running.add(clients.submit(() -> writeUntilRefused(client, clientNo, acknowledged, unanswered, changes)));
            }
            running.add(clients.submit(() -> writeOrgKeysUntilRefused(client, acknowledgedOrgKeys, unanswered, changes)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (changes.get() < 60 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            sandbox.destroyForcibly();
            assertThat(sandbox.waitFor(20, TimeUnit.SECONDS)).isTrue();
            for (Future<?> future : running) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            sandbox.destroyForcibly();
            clients.shutdownNow();
        }
        assertThat(changes.get()).isGreaterThanOrEqualTo(60);
        assertThat(acknowledgedOrgKeys).isNotEmpty();

        try (SandboxServer restarted = SandboxServer.start(SandboxOptions.defaults().withDataFile(file))) {
            SandboxStore store = restarted.store();
            Map<String, Project> byName = new ConcurrentHashMap<>();
            store.projects().forEach(p -> byName.put(p.name(), p));
            acknowledged.forEach((name, valid) -> {
                assertThat(byName).as("acknowledged project %s", name).containsKey(name);
                ApiKey key = store.keys(byName.get(name).id()).get(0);
                if (!unanswered.contains(name)) {
                    assertThat(key.valid()).as("last acknowledged validity of %s", name).isEqualTo(valid);
                }
            });
            Map<String, ApiKey> orgKeys = new ConcurrentHashMap<>();
            store.orgKeys().forEach(k -> orgKeys.put(k.name(), k));
            acknowledgedOrgKeys.forEach((name, valid) -> {
                assertThat(orgKeys).as("acknowledged organisation key %s", name).containsKey(name);
                if (!unanswered.contains(name)) {
                    assertThat(orgKeys.get(name).valid()).as("last acknowledged validity of %s", name).isEqualTo(valid);
                }
            });
        }
    }

    /** Creates projects and switches their default key off, recording each acknowledged answer, until the server is gone. */
    private static Void writeUntilRefused(SandboxClient client, int clientNo, Map<String, Boolean> acknowledged,
                                          Set<String> unanswered, AtomicInteger changes) {
        try {
            for (int i = 0; ; i++) {
                String name = "Client " + clientNo + " project " + i;
                SandboxClient.Response created = client.post("/v1/projects", "{\"name\": \"" + name + "\"}");
                if (created.status() != 200) {
                    return null;
                }
                acknowledged.put(name, true);
                changes.incrementAndGet();
                JsonNode data = created.data();
                String keyPath = "/v1/projects/" + data.get("project").get("id").asText() + "/api-keys/"
                        + data.get("apiKey").get("id").asLong();
                unanswered.add(name);
                if (client.put(keyPath, "{\"valid\": false}").status() != 200) {
                    return null;
                }
                acknowledged.put(name, false);
                unanswered.remove(name);
                changes.incrementAndGet();
            }
        } catch (RuntimeException killed) {
            return null;
        }
    }

    /** Creates organisation keys and switches them off, as {@link #writeUntilRefused} does with projects. */
    private static Void writeOrgKeysUntilRefused(SandboxClient client, Map<String, Boolean> acknowledged,
                                                 Set<String> unanswered, AtomicInteger changes) {
        try {
            for (int i = 0; ; i++) {
                String name = "Org key " + i;
                SandboxClient.Response created = client.post("/v1/organization/api-keys", "{\"name\": \"" + name + "\"}");
                if (created.status() != 200) {
                    return null;
                }
                acknowledged.put(name, true);
                changes.incrementAndGet();
                unanswered.add(name);
                String keyPath = "/v1/organization/api-keys/" + created.data().get("apiKey").get("id").asLong();
                if (client.put(keyPath, "{\"valid\": false}").status() != 200) {
                    return null;
                }
                acknowledged.put(name, false);
                unanswered.remove(name);
                changes.incrementAndGet();
            }
        } catch (RuntimeException killed) {
            return null;
        }
    }

    private static String baseUrl(Process sandbox) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("^Sandbox listening on (http://127\\.0\\.0\\.1:\\d+)$");
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher matcher = listening.matcher(line);
            if (matcher.matches()) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "sandbox-output");
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
        }
        throw new AssertionError("the sandbox did not start:\n" + seen);
    }
}
