package dev.keywarden.bench;

import dev.keywarden.api.BaseUrls;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.core.AppContext;
import dev.keywarden.core.EnvironmentProfile;
import dev.keywarden.ui.allkeys.AllKeysPane;
import dev.keywarden.ui.app.EmbeddedSandbox;
import dev.keywarden.ui.app.KeywardenWindow;
import dev.keywarden.ui.app.LaunchOptions;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.store.KeyRow;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The whole console ({@link KeywardenWindow}: the real {@code MainView}, key store, projects and all-keys models)
 * on a stage of this JVM (headless through Monocle in the build), connected through the environment's connection
 * to a {@link BenchOrganisation}, with a pulse clock: an {@link AnimationTimer} that keeps the FX thread pulsing and
 * records the longest gap between two pulses.
 */
final class ConsoleUnderLoad implements AutoCloseable {
    final BenchOrganisation org;
    private final Path home;
    private Stage stage;
    private KeywardenWindow window;
    private final Pulses pulses = new Pulses();
    private volatile long lastShownChange;

    ConsoleUnderLoad(BenchOrganisation org) throws Exception {
        this.org = org;
        this.home = Files.createTempDirectory("keywarden-bench-console");
        if (System.getProperty("keywarden.bench.parallelism") != null) {
            Files.writeString(home.resolve("ui.properties"), "parallelism=" + System.getProperty("keywarden.bench.parallelism") + "\n");
        }
        FxToolkit.registerPrimaryStage();
        AppContext context = AppContext.loadFrom(home, Map.of(EnvironmentProfile.ENV_ORG_KEY, org.server.orgKey(),
                BaseUrls.ENV_BASE_URL, org.server.baseUrl()));
        fx(() -> {
            stage = new Stage();
            stage.setWidth(1200);
            stage.setHeight(800);
            window = new KeywardenWindow(stage, context, HttpConfidentApi::new, new EmbeddedSandbox());
            shown().addListener((ListChangeListener<KeyRow>) change -> lastShownChange = System.nanoTime());
            return null;
        });
    }

    /** Shows the window, which connects and loads the whole organisation; waits until every key is in the store. */
    ConsoleUnderLoad showAndLoad() throws Exception {
        fx(() -> {
            window.show(LaunchOptions.parse());
            return null;
        });
        awaitLoaded();
        return this;
    }

    void awaitLoaded() throws Exception {
        await("every key loaded", Duration.ofMinutes(3), () -> window.model().session().stateProperty().get() == ConnectionSession.State.CONNECTED
                && window.model().projects().progress().loadedProperty().get() && !window.model().projects().loadingProperty().get()
                && window.model().projects().store().rows().size() >= org.projectKeyCount());
    }

    KeywardenWindow window() {
        return window;
    }

    AllKeysPane allKeys() {
        return window.view().allKeysTab().pane();
    }

    /** The rows the all-keys table shows. */
    ObservableList<KeyRow> shown() {
        return allKeys().table().getItems();
    }

    /** When the all-keys table's rows last changed (System.nanoTime, recorded on the FX thread). */
    long lastShownChange() {
        return lastShownChange;
    }

    /** Forgets every key, as a change of connection does, and waits until the all-keys table shows none. */
    void forgetKeys() throws Exception {
        fx(() -> {
            window.model().projects().clear();
            return null;
        });
        await("no key shown", Duration.ofMinutes(1), () -> shown().isEmpty());
    }

    /** Loads the whole organisation again and waits until every key is in the store and the all-keys table shows them. */
    void loadAgain() throws Exception {
        fx(() -> {
            window.model().allKeys().load();
            return null;
        });
        awaitLoaded();
        await("the table shows every key", Duration.ofMinutes(1), () -> shown().size() >= org.projectKeyCount());
    }

    Pulses pulses() {
        return pulses;
    }

    /** Runs on the FX thread and waits for it. */
    /** Shows the All keys tab, where the console benchmarks measure. */
    void showAllKeys() throws Exception {
        fx(() -> {
            window().view().views().getSelectionModel().select(window().view().allKeysTab());
            return null;
        });
    }

    /** Shows the all-keys tab and waits until it shows every key of the store; their number. */
    int showEveryKey() throws Exception {
        showAllKeys();
        int all = fx(() -> window().model().projects().store().rows().size());
        await("every key shown", Duration.ofMinutes(1), () -> shown().size() == all);
        return all;
    }

    /** Sorts the all-keys table by the column with this id, as a click on its header does. */
    void sortAllKeysBy(String columnId) throws Exception {
        fx(() -> {
            javafx.scene.control.TableView<KeyRow> table = allKeys().table();
            table.getSortOrder().setAll(List.of(table.getColumns().stream()
                    .filter(column -> columnId.equals(column.getId())).findFirst().orElseThrow()));
            return null;
        });
    }

    <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(3, TimeUnit.MINUTES);
    }

    void fxLater(Runnable work) {
        javafx.application.Platform.runLater(work);
    }

    /** Polls the condition on the FX thread every 2 ms. */
    void await(String what, Duration atMost, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + atMost.toNanos();
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new TimeoutException("waited " + atMost.toSeconds() + " s for " + what);
            }
            Thread.sleep(2);
        }
    }

    /** Heap in use after two full collections. */
    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() throws java.io.IOException {
        pulses.stop();
        try {
            fx(() -> {
                Thread saver = window.close();
                stage.hide();
                return saver;
            }).join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new java.io.IOException("the console did not close", e);
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The longest gap between two FX pulses since {@link #start()}: an {@link AnimationTimer} asks for a pulse every frame. */
    static final class Pulses {
        private AnimationTimer timer;
        private StallSampler watcher;
        private volatile long last;
        private volatile long longest;
        private volatile long count;
        /**
         * Each gap since {@link #start()} longer than two frames, in ns: when it began (since the start), how long, the FX
         * thread's CPU in it. Kept raw: formatting on the FX thread would add to the next gap.
         */
        private final List<long[]> overTwoFrames = new java.util.concurrent.CopyOnWriteArrayList<>();
        private long startedAt;
        private volatile java.time.Instant longestEndedAt;
        private static final java.lang.management.ThreadMXBean FX_CPU = ManagementFactory.getThreadMXBean();
        private long lastCpu;
        private volatile long longestFxCpu;
        private long lastWait;
        private volatile long longestFxWait;

        /** The time the FX thread was ready to run but waited for a core during the longest gap, in ms (Linux), or -1. */
        double longestFxWaitMillis() {
            return longestFxWait < 0 ? -1 : longestFxWait / 1e6;
        }

        /** The goal's two frames, rounded as the goal is ({@code fx-stall} < 33 ms). */
        private static final long TWO_FRAMES_NANOS = 33_000_000;
        private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");
        private static final boolean SCHEDSTAT_READABLE = Files.isReadable(SCHEDSTAT);

        /** This thread's time spent waiting on a run queue, in ns, from /proc (Linux), or -1. */
        private static long runQueueWait() {
            if (!SCHEDSTAT_READABLE) {
                return -1;
            }
            try {
                String[] fields = Files.readString(SCHEDSTAT).trim().split(" ");
                return Long.parseLong(fields[1]);
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }

        /** The FX thread's CPU time during the longest gap, in ms: near the gap, it was working; near 0, waiting. */
        double longestFxCpuMillis() {
            return longestFxCpu / 1e6;
        }

        /** When the longest gap ended (to find it in a profile). */
        java.time.Instant longestEndedAt() {
            return longestEndedAt;
        }

        void start() throws Exception {
            if (System.getProperty("keywarden.bench.stalls") != null && watcher == null) {
                watcher = StallSampler.start(() -> last);
            }
            WaitForAsyncUtils.asyncFx(() -> {
                // From the start: a window that never pulses shows the whole time as one gap.
                last = System.nanoTime();
                lastCpu = FX_CPU.getCurrentThreadCpuTime();
                lastWait = runQueueWait();
                longest = 0;
                count = 0;
                overTwoFrames.clear();
                startedAt = last;
                if (timer == null) {
                    timer = new AnimationTimer() {
                        @Override
                        public void handle(long now) {
                            gapEndsNow();
                            count++;
                        }
                    };
                }
                timer.start();
            }).get(1, TimeUnit.MINUTES);
        }

        /** The longest gap in seconds (from the start to the first pulse and from the last pulse to now included), and stops. */
        double stopAndLongest() throws Exception {
            WaitForAsyncUtils.asyncFx(() -> {
                timer.stop();
                gapEndsNow();
                last = 0; // no pulses are expected until the next start: nothing for the stall sampler to sample
            }).get(1, TimeUnit.MINUTES);
            return longest / 1e9;
        }

        /** On the FX thread, at a pulse or at the stop: the gap since the last one ends; kept if it is the longest. */
        private void gapEndsNow() {
            long at = System.nanoTime();
            long cpu = FX_CPU.getCurrentThreadCpuTime();
            long wait = runQueueWait();
            if (last != 0 && at - last > TWO_FRAMES_NANOS) {
                overTwoFrames.add(new long[] {last - startedAt, at - last, cpu - lastCpu});
            }
            if (last != 0 && at - last > longest) {
                longest = at - last;
                longestEndedAt = java.time.Instant.now();
                longestFxCpu = cpu - lastCpu;
                longestFxWait = wait < 0 || lastWait < 0 ? -1 : wait - lastWait;
            }
            last = at;
            lastCpu = cpu;
            lastWait = wait;
        }

        long count() {
            return count;
        }

        /**
         * The gaps since {@link #start()} longer than two frames (33 ms), stalls the admin sees, in order: when each began
         * since the start, how long it was, and the FX thread's CPU in it.
         */
        List<String> overTwoFrames() {
            return overTwoFrames.stream().map(gap -> "at " + gap[0] / 1_000_000 + " ms, " + Figures.number(gap[1] / 1e6)
                    + " ms (the FX thread's CPU " + Figures.number(gap[2] / 1e6) + " ms)").toList();
        }

        void stop() {
            if (timer != null) {
                javafx.application.Platform.runLater(timer::stop);
            }
        }
    }
}
