package dev.keywarden.bench;

import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.bulk.BulkExecutor;
import dev.keywarden.core.bulk.BulkListener;
import dev.keywarden.core.bulk.BulkPlan;
import dev.keywarden.core.bulk.BulkResult;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.core.pacing.PacedApi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code bulk-deactivate}: 1,000 project keys switched off through the console's and command line's
 * {@link BulkExecutor} (with the paced gateway they give it), at its default parallelism C and one change
 * after another, alternated; 50 ms latency in the sandbox. The bound is {@code 50 ms x ceil(1000 / C)}.
 * Before each run every key is made active again through the sandbox's store (not timed).
 */
final class BulkDeactivateBenchmark implements Benchmark {

    @Override
    public String name() {
        return "bulk-deactivate";
    }

    @Override
    public void run(Scale scale, Figures figures) throws Exception {
        int parallelism = BulkExecutor.DEFAULT_CONCURRENCY;
        try (BenchOrganisation org = new BenchOrganisation(scale.pick(100, 6), 10, Duration.ofMillis(scale.pick(50, 1)))) {
            List<KeyEntry> keys = new OrganisationLoader(parallelism).load(org.api, event -> { }).entries().stream()
                    .filter(entry -> entry.kind() == KeyKind.PROJECT).toList();
            BulkPlan plan = BulkPlan.ofEntries(KeyAction.DEACTIVATE, keys, keys, null);
            deactivate(org, plan, parallelism);
            Map<String, Samples> runs = new Alternation()
                    .add("default", org::activateEveryKey, () -> deactivate(org, plan, parallelism))
                    .add("sequential", org::activateEveryKey, () -> deactivate(org, plan, 1))
                    .run(scale.rounds());
            double time = runs.get("default").medianSeconds();
            double bound = org.latency().toNanos() / 1e9 * Math.ceil(keys.size() / (double) parallelism);
            double sequential = runs.get("sequential").medianSeconds();
            String shape = keys.size() + " keys, " + org.latency().toMillis() + " ms";
            figures.add("bulk-deactivate", time, "s", "C = " + parallelism + ", " + shape + "; " + runs.get("default").spread());
            figures.add("bulk-deactivate-bound", bound, "s", "latency x ceil(keys / C)");
            figures.add("bulk-deactivate-vs-bound", time / bound, "ratio", Goal.atMost(1.2), "bulk-deactivate / bound");
            figures.add("bulk-deactivate-sequential", sequential, "s", "C = 1; " + runs.get("sequential").spread());
            figures.add("bulk-deactivate-speedup", sequential / time, "ratio", Goal.atLeast(7), "sequential / C = " + parallelism);
        }
    }

    private static void deactivate(BenchOrganisation org, BulkPlan plan, int parallelism) throws InterruptedException {
        BulkResult result = new BulkExecutor(parallelism).run(PacedApi.of(org.api, parallelism), plan, BulkListener.NONE);
        if (!result.allSucceeded() || org.inactiveKeys() != plan.count()) {
            throw new IllegalStateException(result.succeeded().size() + " of " + plan.count() + " keys deactivated");
        }
    }
}
