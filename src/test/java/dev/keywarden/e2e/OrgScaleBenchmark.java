package dev.keywarden.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.api.OrgKey;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Json;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the console takes to open a large organisation, and how quick a toggle is then. Prints
 * figures and asserts only that everything was loaded. The normal suite runs one small size; the
 * full sizes run with {@code -Dkeywarden.bench.full=true}.
 */
@Tag("benchmark")
class OrgScaleBenchmark {

    static final int TOGGLES = 20;

    /** 20 ms per response stands in for a real network round trip. */
    private static final Duration ROUND_TRIP = Duration.ofMillis(20);

    private static final List<BenchmarkRun> SMALL = List.of(new BenchmarkRun(40, 10, Duration.ZERO));
    private static final List<BenchmarkRun> FULL = List.of(
            new BenchmarkRun(250, 20, ROUND_TRIP),
            new BenchmarkRun(250, 20, Duration.ZERO),
            new BenchmarkRun(1000, 5, ROUND_TRIP),
            new BenchmarkRun(1000, 5, Duration.ZERO));

    @Test
    void openingALargeOrganisation() throws Exception {
        BenchmarkTable table = new BenchmarkTable();
        for (BenchmarkRun run : fullSizeRequested() ? FULL : SMALL) {
            table.add(measure(run));
        }
        table.printTo(System.out);
    }

    private static boolean fullSizeRequested() {
        String full = System.getProperty("keywarden.bench.full");
        return full != null && !full.equalsIgnoreCase("false");
    }

    private static BenchmarkFigures measure(BenchmarkRun run) throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true));
             HttpConfidentApi api = new HttpConfidentApi(ConnectionConfig.of(server.baseUrl(), OrgKey.of(server.orgKey())))) {
            long buildStart = System.nanoTime();
            LargeOrganisation.build(server.store(), run.projects(), run.keysPerProject());
            Duration buildTime = Duration.ofNanos(System.nanoTime() - buildStart);
            server.setLatency(run.latency());

            MeasuredOpen.of(api); // warm-up: JIT and pooled connections
            long heapBefore = HeapUsage.bytesAfterGc();
            MeasuredOpen open = MeasuredOpen.of(api);
            long heapAfter = HeapUsage.bytesAfterGc();

            assertThat(open.organization()).isEqualTo(server.store().organization());
            assertThat(open.projects()).hasSize(run.projects());
            assertThat(open.keysByProject()).allSatisfy(keys -> assertThat(keys).hasSize(run.keysPerProject()));
            assertThat(open.keyCount()).isEqualTo(run.keyCount());
            // organisation, project list, organisation keys, then one key list per project
            assertThat(open.calls().count()).isEqualTo(run.projects() + 3);

            LatencySample toggles = toggleOff(api, server, open);
            return new BenchmarkFigures(run, buildTime, open, heapBefore, heapAfter, jsonBytesPerKey(open), toggles);
        }
    }

    /** {@value #TOGGLES} different keys, spread over the projects, switched off one after another. */
    private static LatencySample toggleOff(ConfidentApi api, SandboxServer server, MeasuredOpen open) {
        CallTimer timer = new CallTimer();
        int projects = open.projects().size();
        for (int i = 0; i < TOGGLES; i++) {
            String projectId = open.projects().get(i % projects).id();
            ApiKey key = open.keysByProject().get(i % projects).get(i / projects);
            ApiKey answer = timer.time(() -> api.setApiKeyValid(projectId, key.id(), false));
            assertThat(answer.valid()).isFalse();
            assertThat(server.store().key(projectId, key.id())).get().extracting(ApiKey::valid).isEqualTo(false);
        }
        return timer.sample();
    }

    /** The keys as the server writes them (same mapper, masked values), without the envelope around each list. */
    private static double jsonBytesPerKey(MeasuredOpen open) throws Exception {
        ObjectMapper mapper = Json.newMapper();
        List<ApiKey> all = new ArrayList<>(open.keyCount());
        open.keysByProject().forEach(all::addAll);
        return (double) mapper.writeValueAsBytes(all).length / all.size();
    }
}
