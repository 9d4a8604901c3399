package dev.keywarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * An in-process sandbox with reproducible demo data (its project and organisation keys in the real shape),
 * and what a test needs to check output against it: every raw key value (which must never be printed) and
 * the organisation key the connection uses, which the sandbox lists as organisation key {@value #OWN_KEY_ID}.
 */
final class SandboxOrg implements AutoCloseable {
    static final long SEED = 20261128L;
    /** The key the sandbox was started with, and the command line connects with: "Sandbox admin key". */
    static final long OWN_KEY_ID = 0;

    final SandboxServer server;

    SandboxOrg() throws IOException {
        this(SandboxServer.start(SandboxOptions.defaults().withSeed(SEED)));
    }

    private SandboxOrg(SandboxServer server) {
        this.server = server;
    }

    /**
     * The same demo organisation with one more organisation key, "Twin", whose value ends in {@code suffix}
     * (say, a project key's): written into the sandbox's data file between two starts, as an older key
     * would be there.
     */
    static SandboxOrg withTwin(Path folder, String suffix) throws IOException {
        Path file = folder.resolve("sandbox.json");
        SandboxOptions options = SandboxOptions.defaults().withSeed(SEED).withDataFile(file);
        SandboxServer.start(options).close();
        ObjectMapper json = new ObjectMapper();
        ObjectNode data = (ObjectNode) json.readTree(file.toFile());
        long id = data.get("nextKeyId").asLong();
        byte[] bytes = new byte[30];
        new Random(id).nextBytes(bytes);
        ObjectNode twin = ((ArrayNode) data.get("organizationApiKeys")).addObject();
        twin.put("id", id);
        twin.put("name", "Twin");
        twin.put("valid", true);
        twin.put("value", "confident_us_org_" + Base64.getEncoder().encodeToString(bytes).substring(0, 38) + suffix);
        twin.put("created_at", "2026-01-01T00:00:00.000Z");
        twin.putNull("lastUsed");
        data.put("nextKeyId", id + 1);
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(data));
        return new SandboxOrg(SandboxServer.start(options));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    String orgKey() {
        return server.orgKey();
    }

    List<Project> projects() {
        return server.store().projects();
    }

    /** The organisation keys as the sandbox now has them, masked, by id: key {@value #OWN_KEY_ID} first. */
    List<ApiKey> organisationKeys() {
        return server.store().orgKeys();
    }

    ApiKey organisationKey(long id) {
        return server.store().orgKey(id).orElseThrow();
    }

    /** Raw values of every key of either kind: none may appear in any output. */
    List<String> rawKeyValues() {
        List<String> values = new ArrayList<>();
        for (Project project : projects()) {
            server.store().keys(project.id()).forEach(key -> values.add(server.store().rawValue(key.id())));
        }
        organisationKeys().forEach(key -> values.add(server.store().rawValue(key.id())));
        return values;
    }

    int projectKeyCount() {
        return projects().stream().mapToInt(project -> server.store().keys(project.id()).size()).sum();
    }

    int keyCount() {
        return organisationKeys().size() + projectKeyCount();
    }

    @Override
    public void close() {
        server.close();
    }
}
