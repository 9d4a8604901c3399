package dev.keywarden.bench;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.OrganisationLoader;

import java.time.Duration;
import java.util.Map;

/**
 * {@code org-load}: every key of an organisation (300 projects x 10 keys, 50 ms latency in the sandbox)
 * through the console's and command line's {@link OrganisationLoader} at its default parallelism C, at C = 8
 * and one call after another, alternated. The bound is what the network allows: one round trip for the
 * organisation, its projects and its keys (asked at once), then {@code ceil(300 / C)} rounds of project key
 * lists, plus one round trip of slack ({@code 50 ms x (2 + ceil(300 / C))}, issue 15). One warm-up load first.
 */
final class OrgLoadBenchmark implements Benchmark {

    @Override
    public String name() {
        return "org-load";
    }

    @Override
    public void run(Scale scale, Figures figures) throws Exception {
        int parallelism = OrganisationLoader.DEFAULT_PARALLELISM;
        try (BenchOrganisation org = new BenchOrganisation(scale.pick(300, 12), scale.pick(10, 2),
                Duration.ofMillis(scale.pick(50, 1)))) {
            load(org.api, org, parallelism);
            CallClock clock = new CallClock();
            ConfidentApi clocked = clock.around(org.api);
            Map<String, Samples> runs = new Alternation()
                    .add("default", () -> load(clocked, org, parallelism))
                    .add("c8", () -> load(org.api, org, 8))
                    .add("sequential", () -> load(org.api, org, 1))
                    .run(scale.rounds());
            double time = runs.get("default").medianSeconds();
            double bound = org.latency().toNanos() / 1e9 * (2 + Math.ceil(org.projects / (double) parallelism));
            double sequential = runs.get("sequential").medianSeconds();
            String shape = org.projects + " projects x " + org.keysPerProject + " keys, " + org.latency().toMillis() + " ms";
            figures.add("org-load", time, "s", "C = " + parallelism + ", " + shape + "; " + runs.get("default").spread());
            figures.add("org-load-in-flight", clock.callSeconds() / runs.get("default").totalSeconds(), "calls",
                    "mean calls in flight at C = " + parallelism + " (call time / wall time); below C when the adaptive limit backed off");
            figures.add("org-load-call", clock.meanCallSeconds(), "s", "mean time of one call at C = " + parallelism
                    + ", latency included: what a round trip costs beyond the " + org.latency().toMillis() + " ms");
            figures.add("org-load-bound", bound, "s", "latency x (2 + ceil(projects / C))");
            figures.add("org-load-vs-bound", time / bound, "ratio", Goal.atMost(1.2), "org-load / org-load-bound");
            figures.add("org-load-sequential", sequential, "s", "C = 1; " + runs.get("sequential").spread());
            figures.add("org-load-speedup", sequential / time, "ratio", "sequential / C = " + parallelism);
            figures.add("org-load-speedup-c8", sequential / runs.get("c8").medianSeconds(), "ratio", Goal.atLeast(7),
                    "sequential / C = 8 (" + Figures.number(runs.get("c8").medianSeconds()) + " s)");
        }
    }

    private static void load(ConfidentApi api, BenchOrganisation org, int parallelism) throws Exception {
        OrganisationLoader.Result result = new OrganisationLoader(parallelism).load(api, event -> { });
        if (result.keyCount() != org.projectKeyCount() || !result.failures().isEmpty()) {
            throw new IllegalStateException("loaded " + result.keyCount() + " of " + org.projectKeyCount() + " keys, failures "
                    + result.failures().keySet());
        }
    }
}
