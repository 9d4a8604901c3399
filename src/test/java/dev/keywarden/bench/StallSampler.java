package dev.keywarden.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What the FX thread does while it does not pulse: with {@code -Dkeywarden.bench.stalls=FILE}, a daemon thread samples
 * the FX thread's stack every 5 ms while the last pulse is more than 33 ms old, and prints the commonest stacks at
 * exit, to FILE. A profile of the stalls alone (a sampling profiler sees mostly the time between them). Taking a
 * stack stops the JVM for a moment (a safepoint), so the figures of a run with it are longer: use it for where, not how long.
 */
final class StallSampler {
    private final Map<String, Integer> stacks = new HashMap<>();
    private int samples;

    static StallSampler start(LongSupplier lastPulse) {
        StallSampler sampler = new StallSampler();
        Thread fx = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("JavaFX Application Thread") || t.getName().equals("Event Thread"))
                .findFirst().orElseThrow();
        java.util.List<Thread> pulseThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("Monocle Timer") || t.getName().startsWith("QuantumRenderer")).toList();
        Thread watcher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
                long last = lastPulse.getAsLong();
                if (last != 0 && System.nanoTime() - last > 33_000_000L) {
                    sampler.record(fx.getStackTrace());
                    for (Thread other : pulseThreads) {
                        StackTraceElement[] stack = other.getStackTrace();
                        sampler.other(other.getName() + " " + other.getState() + " " + (stack.length > 0 ? stack[0] : "") + " < "
                                + (stack.length > 3 ? stack[3] : ""));
                    }
                }
            }
        }, "stall-sampler");
        watcher.setDaemon(true);
        watcher.start();
        Runtime.getRuntime().addShutdownHook(new Thread(sampler::print));
        return sampler;
    }

    private final Map<String, Integer> others = new HashMap<>();

    private synchronized void other(String state) {
        others.merge(state, 1, Integer::sum);
    }

    private synchronized void record(StackTraceElement[] stack) {
        samples++;
        StringBuilder key = new StringBuilder();
        int shown = 0;
        for (StackTraceElement frame : stack) {
            String name = frame.getClassName();
            boolean ours = name.startsWith("dev.keywarden") && !name.startsWith("dev.keywarden.bench");
            if (shown < 6 || ours) {
                key.append("\n    ").append(name, name.lastIndexOf('.') + 1, name.length()).append('.').append(frame.getMethodName())
                        .append(':').append(frame.getLineNumber());
                shown++;
            }
            if (shown > 14) {
                break;
            }
        }
        stacks.merge(key.toString(), 1, Integer::sum);
    }

    private synchronized void print() {
        try (java.io.PrintStream out = new java.io.PrintStream(System.getProperty("keywarden.bench.stalls"), java.nio.charset.StandardCharsets.UTF_8)) {
            print(out);
        } catch (java.io.IOException e) {
            System.err.println("stall-sampler: " + e.getMessage());
        }
    }

    private void print(java.io.PrintStream out) {
        out.println("STALLS: " + samples + " samples of the FX thread while it did not pulse (5 ms apart)");
        stacks.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(entry -> out.println(entry.getValue() + entry.getKey()));
        out.println("Meanwhile, the pulse timer and the renderer:");
        others.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(entry -> out.println(entry.getValue() + " " + entry.getKey()));
    }
}
