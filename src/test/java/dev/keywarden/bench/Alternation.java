package dev.keywarden.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs several variants of one measurement in turn, round after round (A B C, then C B A, ...), so a
 * machine that gets busier or quieter meanwhile weighs on all of them alike, and ratios of their medians
 * hold on a noisy machine. Each variant gets {@code before} (not timed; e.g. putting keys back) then its
 * timed run.
 */
public final class Alternation {

    /** One variant's timed run. */
    public interface Run {
        void run() throws Exception;
    }

    private record Variant(String name, Run before, Run timed) {
    }

    private final List<Variant> variants = new ArrayList<>();

    public Alternation add(String name, Run timed) {
        return add(name, () -> { }, timed);
    }

    public Alternation add(String name, Run before, Run timed) {
        variants.add(new Variant(name, before, timed));
        return this;
    }

    /** Each variant's samples, by name, in the order they were added. */
    public Map<String, Samples> run(int rounds) throws Exception {
        Map<String, Samples> samples = new LinkedHashMap<>();
        variants.forEach(variant -> samples.put(variant.name(), new Samples()));
        for (int round = 0; round < rounds; round++) {
            List<Variant> order = new ArrayList<>(variants);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (Variant variant : order) {
                variant.before().run();
                long start = System.nanoTime();
                variant.timed().run();
                samples.get(variant.name()).add(Duration.ofNanos(System.nanoTime() - start));
            }
        }
        return samples;
    }
}
