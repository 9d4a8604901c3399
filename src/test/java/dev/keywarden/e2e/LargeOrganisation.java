package dev.keywarden.e2e;

import dev.keywarden.sandbox.SandboxStore;

/** Fills a sandbox straight through its store, which is far quicker than thousands of HTTP creates. */
final class LargeOrganisation {

    private LargeOrganisation() {
    }

    /** Each project gets its default key plus {@code keysPerProject - 1} more. */
    static void build(SandboxStore store, int projects, int keysPerProject) {
        for (int p = 1; p <= projects; p++) {
            String projectId = store.createProject("Project %04d".formatted(p), "Benchmark project " + p).project().id();
            for (int k = 2; k <= keysPerProject; k++) {
                store.createKey(projectId, "Key %02d".formatted(k));
            }
        }
    }
}
