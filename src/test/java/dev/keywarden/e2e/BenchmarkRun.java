package dev.keywarden.e2e;

import java.time.Duration;

/** One organisation shape, served with one added latency per response. */
record BenchmarkRun(int projects, int keysPerProject, Duration latency) {

    int keyCount() {
        return projects * keysPerProject;
    }
}
