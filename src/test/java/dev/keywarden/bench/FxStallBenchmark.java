package dev.keywarden.bench;

import dev.keywarden.ui.app.MainView;
import javafx.scene.control.TextField;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fx-stall}: the longest gap between two FX pulses in the console's window (the real {@link MainView},
 * key store and all-keys table) while every key of 1000 projects x 50 keys (50,000, no latency) loads into the
 * all-keys table that is showing, and while a project's name is typed into its filter, one key every 120 ms (a
 * quick typist). An {@code AnimationTimer} asks for a pulse every frame (16.7 ms); a gap longer than two frames
 * (33 ms) is a stall the admin sees. One load first to warm up; each round then forgets the keys and loads again.
 */
final class FxStallBenchmark implements Benchmark {
    static final Duration KEYSTROKE = Duration.ofMillis(120);
    /** The unit of a count of gaps longer than two frames, which may be zero. */
    static final String STALLS_UNIT = "gaps";
    /**
     * At the tiny size the same keys, quicker: as at full size, each comes within the filter's pause, so the filter is
     * applied once, at the end.
     */
    static final Duration TINY_KEYSTROKE = Duration.ofMillis(20);

    @Override
    public String name() {
        return "fx-stall";
    }

    @Override
    public void run(Scale scale, Figures figures) throws Exception {
        try (BenchOrganisation org = BenchOrganisation.fiftyThousandKeys(scale);
             ConsoleUnderLoad console = new ConsoleUnderLoad(org).showAndLoad()) {
            console.showAllKeys();
            // The floor: the longest gap while nothing happens in the window, on this machine now (once the tab shows
            // every key and has settled: building it is not nothing).
            console.await("the tab shows every key", Duration.ofMinutes(1), () -> console.shown().size() >= org.projectKeyCount());
            Thread.sleep(scale.pick(1000, 100));
            console.pulses().start();
            Thread.sleep(scale.pick(3000, 300));
            double idle = console.pulses().stopAndLongest();
            long fxThread = console.fx(() -> Thread.currentThread().getId());
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            List<Double> fxBusy = new ArrayList<>();
            List<Double> loads = new ArrayList<>();
            List<Double> stalls = new ArrayList<>();
            List<Double> typing = new ArrayList<>();
            List<Double> gapFxCpu = new ArrayList<>();
            List<Double> gapFxWait = new ArrayList<>();
            Duration keystroke = scale.full() ? KEYSTROKE : TINY_KEYSTROKE;
            for (int round = 0; round < scale.rounds(); round++) {
                // Forgetting the keys (as a change of connection does) is not part of the load: done before the clock starts.
                // No full collection between rounds (a console never forces one): it shrank the heap, and each round then
                // paid for the page faults of growing it again in its young collections.
                console.forgetKeys();
                console.pulses().start();
                Thread.sleep(100);
                long cpuBefore = threads.getThreadCpuTime(fxThread);
                long wallBefore = System.nanoTime();
                console.loadAgain();
                fxBusy.add((threads.getThreadCpuTime(fxThread) - cpuBefore) / (double) (System.nanoTime() - wallBefore));
                loads.add(console.pulses().stopAndLongest());
                stalls.add((double) console.pulses().overTwoFrames().size());
                gapFxCpu.add(console.pulses().longestFxCpuMillis());
                gapFxWait.add(console.pulses().longestFxWaitMillis());
                printLongest("loading", loads, console.pulses());

                String needle = "Project %04d".formatted(1 + (round * 7919 + 777) % org.projects);
                TextField field = console.allKeys().filterField();
                console.pulses().start();
                for (char c : needle.toCharArray()) {
                    console.fxLater(() -> field.appendText(String.valueOf(c)));
                    Thread.sleep(keystroke.toMillis());
                }
                console.await("the filter shows one project", Duration.ofMinutes(1), () -> console.shown().size() == org.keysPerProject);
                typing.add(console.pulses().stopAndLongest());
                printLongest("typing", typing, console.pulses());
                console.fx(() -> {
                    field.clear();
                    return null;
                });
                console.await("the filter cleared", Duration.ofMinutes(1), () -> console.shown().size() >= org.projectKeyCount());
            }
            double load = median(loads);
            double typed = median(typing);
            String shape = org.projects + " projects x " + org.keysPerProject + " keys, no latency, " + scale.rounds() + " rounds";
            figures.add("fx-stall", Math.max(load, typed) * 1000, "ms", Goal.atMost(33),
                    "longest gap between FX pulses, the worse of loading and typing (medians of rounds); Monocle headless");
            figures.add("fx-stall-load", load * 1000, "ms", "while " + org.projectKeyCount() + " keys load into the shown all-keys table; "
                    + shape + "; worst round " + Figures.number(max(loads) * 1000) + " ms");
            figures.add("fx-stall-load-stalls", median(stalls), STALLS_UNIT, "how many gaps longer than two frames (33 ms) one load"
                    + " had (median of rounds; fx-stall-load is the median of their longest): how often the admin sees the window"
                    + " catch; rounds "
                    + stalls.stream().map(count -> String.valueOf(count.intValue())).collect(java.util.stream.Collectors.joining(", ")));
            figures.add("fx-stall-idle", idle * 1000, "ms", "the longest gap in " + Figures.number(scale.pick(3000, 300) / 1000.0) + " s with nothing happening"
                    + " in the window: what the machine alone causes");
            figures.add("fx-stall-fx-cpu", median(fxBusy), "ratio", "CPU time of the FX thread over the wall time of the load:"
                    + " how much of the time the FX thread worked (the rest it waited for work or for a core)");
            figures.add("fx-stall-typing", typed * 1000, "ms", "while a project's name is typed into the filter, "
                    + keystroke.toMillis() + " ms a key; worst round " + Figures.number(max(typing) * 1000) + " ms");
            figures.add("fx-stall-load-gap-cpu", median(gapFxCpu), "ms", "the FX thread's CPU time within the longest gap while"
                    + " loading: close to the gap, it was working; far below it, it waited (for a core, for a pulse, or for a collection)");
            figures.add("fx-stall-load-gap-wait", median(gapFxWait), "ms", "the time the FX thread was ready to run but waited"
                    + " for a core within that gap (Linux's run-queue time; -1 elsewhere): what the other threads took from it");
        }
        figures.add("fx-stall-load-50ms", loadGapWithLatency(scale, Duration.ofMillis(50)) * 1000, "ms", "the longest gap while"
                + " the same keys load from a sandbox answering after 50 ms, as org-load's (medians of rounds): the loader's"
                + " threads wait on the network instead of taking the cores");
        figures.add("fx-stall-load-sorted", loadGapSorted(scale) * 1000, "ms", "the longest gap while the same keys load"
                + " (no latency) into the all-keys table sorted by name, as an admin may leave it (medians of rounds; no goal)");
        reloadChanged(scale, figures);
    }

    /**
     * A reload (F5) while every key shows and every one of them changed on the server since (switched off, then on
     * again): the store updates 50,000 rows in place instead of adding them. Unsorted, then sorted by status, where each
     * changed key moves. Medians of rounds; no goal.
     */
    private static void reloadChanged(Scale scale, Figures figures) throws Exception {
        try (BenchOrganisation org = BenchOrganisation.fiftyThousandKeys(scale);
             ConsoleUnderLoad console = new ConsoleUnderLoad(org).showAndLoad()) {
            console.showEveryKey();
            double[] unsorted = reloadRounds(scale, org, console, "reloading changed keys");
            console.sortAllKeysBy("status");
            double[] sorted = reloadRounds(scale, org, console, "reloading changed keys into the table sorted by status");
            String shape = "while every key, all " + org.projectKeyCount() + " changed on the server, loads again into the shown all-keys table";
            figures.add("fx-stall-reload", unsorted[0] * 1000, "ms", "the longest gap " + shape + " (medians of rounds; no goal)");
            figures.add("fx-stall-reload-time", unsorted[1], "s", "how long that reload took, to the last key shown");
            figures.add("fx-stall-reload-sorted", sorted[0] * 1000, "ms", "the same, the table sorted by status: every key moves"
                    + " (no goal); it took " + Figures.number(sorted[1]) + " s");
        }
    }

    /** Each round changes every key on the server and reloads; the medians of the longest gaps and of the reloads' times. */
    private static double[] reloadRounds(Scale scale, BenchOrganisation org, ConsoleUnderLoad console, String during) throws Exception {
        List<Double> gaps = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (int round = 0; round < scale.rounds(); round++) {
            boolean valid = org.inactiveKeys() > 0;
            org.setEveryKeyValid(valid);
            console.pulses().start();
            long start = System.nanoTime();
            console.loadAgain();
            times.add((System.nanoTime() - start) / 1e9);
            gaps.add(console.pulses().stopAndLongest());
            printLongest(during, gaps, console.pulses());
            long shownOtherwise = console.fx(() -> console.shown().stream().filter(row -> !row.isOrganizationKey() && row.key().valid() != valid).count());
            if (shownOtherwise > 0) {
                throw new IllegalStateException(shownOtherwise + " keys still show what they were before the reload");
            }
        }
        return new double[] {median(gaps), median(times)};
    }

    /** The longest gap between pulses while every key loads again into the all-keys table sorted by name, median of rounds. */
    private static double loadGapSorted(Scale scale) throws Exception {
        try (BenchOrganisation org = BenchOrganisation.fiftyThousandKeys(scale);
             ConsoleUnderLoad console = new ConsoleUnderLoad(org).showAndLoad()) {
            console.showAllKeys();
            console.sortAllKeysBy("name");
            return loadRounds(scale, console, "loading into the table sorted by name");
        }
    }

    /** The longest gap between pulses while every key loads again into the shown all-keys table, median of rounds. */
    private static double loadGapWithLatency(Scale scale, Duration latency) throws Exception {
        try (BenchOrganisation org = BenchOrganisation.fiftyThousandKeys(scale, latency);
             ConsoleUnderLoad console = new ConsoleUnderLoad(org).showAndLoad()) {
            console.showAllKeys();
            return loadRounds(scale, console, "loading at " + latency.toMillis() + " ms of latency");
        }
    }

    /** Each round forgets the keys and loads them again; the median of the rounds' longest gaps, in seconds. */
    private static double loadRounds(Scale scale, ConsoleUnderLoad console, String during) throws Exception {
        List<Double> loads = new ArrayList<>();
        for (int round = 0; round < scale.rounds(); round++) {
            console.forgetKeys();
            console.pulses().start();
            console.loadAgain();
            loads.add(console.pulses().stopAndLongest());
            printLongest(during, loads, console.pulses());
        }
        return median(loads);
    }

    /** Where the round's longest gap (the last of {@code gaps}, in seconds) was and what the FX thread did in it. */
    private static void printLongest(String during, List<Double> gaps, ConsoleUnderLoad.Pulses pulses) {
        List<String> stalls = pulses.overTwoFrames();
        System.out.println("fx-stall: longest gap while " + during + " ended at " + pulses.longestEndedAt() + ", "
                + Figures.number(gaps.get(gaps.size() - 1) * 1000) + " ms, the FX thread's CPU in it "
                + Figures.number(pulses.longestFxCpuMillis()) + " ms, waiting for a core "
                + Figures.number(pulses.longestFxWaitMillis()) + " ms; " + stalls.size() + " gaps over 33 ms in "
                + pulses.count() + " pulses" + (stalls.isEmpty() ? "" : ": " + String.join(", ", stalls)));
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
