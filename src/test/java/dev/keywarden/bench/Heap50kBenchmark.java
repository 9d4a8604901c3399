package dev.keywarden.bench;

import org.testfx.api.FxToolkit;

import java.time.Duration;

/**
 * {@code heap-50k}: the heap the console holds for 50,000 keys (1000 projects x 50) loaded and shown in its
 * all-keys table: heap used after full collections with the window open and every key loaded, less the heap used
 * before the window opened (the sandbox that serves the keys lives in the same JVM and is filled before, so its
 * own copy of the keys is not counted). Per key: that difference over the number of keys (the window's own heap
 * included, so an upper bound).
 */
final class Heap50kBenchmark implements Benchmark {

    @Override
    public String name() {
        return "heap-50k";
    }

    @Override
    public void run(Scale scale, Figures figures) throws Exception {
        try (BenchOrganisation org = new BenchOrganisation(scale.pick(1000, 20), scale.pick(50, 5), Duration.ZERO)) {
            FxToolkit.registerPrimaryStage();
            long before = ConsoleUnderLoad.heapAfterGc();
            try (ConsoleUnderLoad console = new ConsoleUnderLoad(org).showAndLoad()) {
                console.fx(() -> {
                    console.window().view().views().getSelectionModel().select(console.window().view().allKeysTab());
                    return null;
                });
                int keys = console.fx(() -> console.window().model().projects().store().rows().size());
                console.await("every key shown", Duration.ofMinutes(1), () -> console.shown().size() == keys);
                long after = ConsoleUnderLoad.heapAfterGc();
                double used = Math.max(1, after - before);
                figures.add("heap-50k", used / 1e6, "MB", Goal.atMost(100), keys + " keys loaded and shown in the all-keys table;"
                        + " heap after full GCs, less before the window opened");
                figures.add("heap-50k-per-key", used / keys, "B", "heap-50k / keys (the window's own heap included)");
                figures.add("heap-50k-jvm", after / 1e6, "MB", "the whole JVM's heap after GC, the sandbox's copy of the keys included");
                console.fx(() -> console.shown().size()); // keep the console reachable until measured
            }
        }
    }
}
