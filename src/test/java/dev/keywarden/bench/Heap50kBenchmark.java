package dev.keywarden.bench;

import java.time.Duration;

/**
 * {@code heap-50k}: the heap the console holds for 50,000 keys (1000 projects x 50) loaded and shown in its
 * all-keys table. In one window, connected and shown on the all-keys tab: the keys forgotten (as when the
 * connection changes), heap used after full collections; then every key loaded again and shown, heap used after
 * full collections; then the keys forgotten again and measured again; the difference from the lower of the two
 * measures without keys, and per key. The sandbox that serves the keys lives in the same JVM and keeps
 * its own copy throughout, so that copy is not counted.
 */
final class Heap50kBenchmark implements Benchmark {

    @Override
    public String name() {
        return "heap-50k";
    }

    @Override
    public void run(Scale scale, Figures figures) throws Exception {
        try (BenchOrganisation org = BenchOrganisation.fiftyThousandKeys(scale);
             ConsoleUnderLoad console = new ConsoleUnderLoad(org).showAndLoad()) {
            console.showAllKeys();
            console.forgetKeys();
            long before = ConsoleUnderLoad.heapAfterGc();
            console.loadAgain();
            int keys = console.fx(() -> console.window().model().projects().store().rows().size());
            console.await("every key shown", Duration.ofMinutes(1), () -> console.shown().size() == keys);
            long after = ConsoleUnderLoad.heapAfterGc();
            // The same window with no key, again: what an earlier benchmark's window still held at the first measure and
            // let go of during the load would otherwise be taken off the keys' count (once, at the tiny size, 72 MB: the
            // count came out negative).
            console.forgetKeys();
            long without = Math.min(before, ConsoleUnderLoad.heapAfterGc());
            double used = after - without;
            if (used <= 0) {
                throw new IllegalStateException("the heap did not grow with " + keys + " keys: " + without + " without them, "
                        + after + " bytes with them");
            }
            figures.add("heap-50k", used / 1e6, "MB", Goal.atMost(100), keys + " keys loaded and shown in the all-keys table:"
                    + " heap after full GCs, less with no key loaded in the same window (the lower of before and after the load)");
            figures.add("heap-50k-per-key", used / keys, "B", "heap-50k / keys: store row, key record, table lists");
            figures.add("heap-50k-jvm", after / 1e6, "MB", "the whole JVM's heap after GC: window, sandbox and its own copy of the keys, "
                    + "and what earlier benchmarks of the run left");
        }
    }
}
