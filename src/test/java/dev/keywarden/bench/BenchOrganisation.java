package dev.keywarden.bench;

import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.api.OrgKey;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;

import java.io.IOException;
import java.time.Duration;

/**
 * The product's sandbox server, in memory, holding {@code projects} projects of {@code keysPerProject} keys
 * each (filled through its store, far quicker than over HTTP), with {@code latency} added to every request
 * by the sandbox as a network would (not by the client), and a gateway to it.
 */
final class BenchOrganisation implements AutoCloseable {
    final SandboxServer server;
    final HttpConfidentApi api;
    final int projects;
    final int keysPerProject;

    /** The console benchmarks' organisation: 1000 projects x 50 keys (40 x 25 at tiny size), no latency. */
    static BenchOrganisation fiftyThousandKeys(Scale scale) throws IOException {
        return fiftyThousandKeys(scale, Duration.ZERO);
    }

    /** The same organisation behind a sandbox that answers after {@code latency}. */
    static BenchOrganisation fiftyThousandKeys(Scale scale, Duration latency) throws IOException {
        return new BenchOrganisation(scale.pick(1000, 40), scale.pick(50, 25), latency);
    }

    BenchOrganisation(int projects, int keysPerProject, Duration latency) throws IOException {
        this.projects = projects;
        this.keysPerProject = keysPerProject;
        this.server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true));
        for (int p = 1; p <= projects; p++) {
            String projectId = server.store().createProject("Project %04d".formatted(p), "Benchmark project " + p).project().id();
            for (int k = 2; k <= keysPerProject; k++) {
                server.store().createKey(projectId, "Key %02d".formatted(k));
            }
        }
        server.setLatency(latency);
        this.api = new HttpConfidentApi(ConnectionConfig.of(server.baseUrl(), OrgKey.of(server.orgKey())));
    }

    int projectKeyCount() {
        return projects * keysPerProject;
    }

    Duration latency() {
        return server.latency();
    }

    /** Every project key active again, straight through the store (not timed, no latency). */
    void activateEveryKey() {
        setEveryKeyValid(true);
    }

    /** Every project key switched on or off, straight through the store (not timed, no latency). */
    void setEveryKeyValid(boolean valid) {
        for (Project project : server.store().projects()) {
            for (ApiKey key : server.store().keys(project.id())) {
                server.store().setKeyValid(project.id(), key.id(), valid);
            }
        }
    }

    long inactiveKeys() {
        return server.store().projects().stream()
                .flatMap(project -> server.store().keys(project.id()).stream()).filter(key -> !key.valid()).count();
    }

    @Override
    public void close() {
        api.close();
        server.close();
    }
}
