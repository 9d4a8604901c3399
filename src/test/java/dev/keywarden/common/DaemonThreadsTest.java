package dev.keywarden.common;

import dev.keywarden.ConsoleJvmFlagsTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DaemonThreadsTest {

    @Test
    void threadsAreNamedDaemonsAtTheirPriority() {
        Thread normal = new DaemonThreads("work").newThread(() -> { });
        Thread low = DaemonThreads.lowPriority("load").newThread(() -> { });
        Thread second = DaemonThreads.lowPriority("load").newThread(() -> { });

        assertTrue(normal.isDaemon() && low.isDaemon());
        assertEquals("work-1", normal.getName());
        assertEquals("load-1", low.getName());
        assertEquals("load-1", second.getName(), "each factory counts its own threads");
        assertEquals(Thread.NORM_PRIORITY, normal.getPriority());
        assertEquals(Thread.MIN_PRIORITY, low.getPriority());
    }

    /**
     * With the console's flags on Linux, low-priority work runs at nice 19, and a normal thread that it starts (OkHttp
     * starts its pool's next thread on whichever thread enqueues) runs at the JVM's own nice value, though only root may
     * lower a nice value. Run in a JVM without that right (setpriv drops it when this one is root), as users run it,
     * on this JVM's Java and on any other installed beside it (from Java 19 pools start threads another way).
     */
    @Test
    void onLinuxANormalThreadThatLowPriorityWorkStartsIsNotLeftAtNiceNineteen() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")), "Linux only");
        List<String> prefix = new ArrayList<>();
        if (Files.readString(Path.of("/proc/self/status")).contains("\nUid:\t0\t")) {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "root, and no setpriv to run as a user would");
            prefix.addAll(List.of("/usr/bin/setpriv", "--bounding-set", "-sys_nice", "--inh-caps", "-sys_nice"));
        }
        for (Path java : javas()) {
            List<String> command = new ArrayList<>(prefix);
            command.add(java.toString());
            command.addAll(ConsoleJvmFlagsTest.PRIORITY_FLAGS);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!probe.waitFor(60, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                throw new AssertionError("the probe on " + java + " did not end");
            }
            String out = new String(probe.getInputStream().readAllBytes()).strip();
            String[] last = out.lines().reduce((first, second) -> second).orElse("").split(" ");
            assertEquals(6, last.length, java + ": " + out);
            int own = Integer.parseInt(last[0]);

            assertEquals(19, Integer.parseInt(last[1]), java + ", low-priority work: " + out);
            assertEquals(own, Integer.parseInt(last[2]), java + ", a normal thread started by low-priority work: " + out);
            assertEquals(own, Integer.parseInt(last[3]), java + ", a normal pool's thread started by low-priority work: " + out);
            assertEquals(own, Integer.parseInt(last[4]), java + ", a normal thread started by a normal one: " + out);
            assertEquals(10, Integer.parseInt(last[5]), java + ", the JIT's compiler threads (the lowest of them): " + out);
        }
    }

    /** This JVM's java, and those of the other JDKs in the same folder (17 or newer: the classes are built for 17). */
    private static List<Path> javas() throws IOException {
        Path home = Path.of(System.getProperty("java.home")).toRealPath();
        List<Path> javas = new ArrayList<>(List.of(home.resolve("bin/java")));
        try (var others = Files.list(home.getParent())) {
            others.map(dir -> dir.resolve("bin/java")).filter(Files::isExecutable)
                    .filter(java -> !java.startsWith(home)).filter(java -> !isSymlinkedTo(java.getParent().getParent(), home))
                    .filter(java -> java.getParent().getParent().resolve("release").toFile().isFile())
                    .filter(DaemonThreadsTest::isSeventeenOrNewer).forEach(javas::add);
        }
        return javas;
    }

    private static boolean isSymlinkedTo(Path dir, Path home) {
        try {
            return dir.toRealPath().equals(home);
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean isSeventeenOrNewer(Path launcher) {
        try {
            String release = Files.readString(launcher.getParent().getParent().resolve("release"));
            Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
            return version.find() && Integer.parseInt(version.group(1)) >= 17;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Prints the nice values of: its main thread, low-priority work, a normal thread and a normal pool's thread it
     * starts, a normal thread, and the JIT's compiler threads (the least nice of them).
     */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            ExecutorService http = DaemonThreads.normalPriorityPool(new java.util.concurrent.ThreadPoolExecutor(0,
                    Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), new DaemonThreads("http")));
            ExecutorService low = Executors.newSingleThreadExecutor(DaemonThreads.lowPriority("load"));
            int lowNice = low.submit(DaemonThreadsTest::niceOfThisThread).get(10, TimeUnit.SECONDS);
            int startedByLow = low.submit(() -> niceOf(new DaemonThreads("change"))).get(10, TimeUnit.SECONDS);
            int pooledFromLow = low.submit(() -> http.submit(DaemonThreadsTest::niceOfThisThread)).get(10, TimeUnit.SECONDS)
                    .get(10, TimeUnit.SECONDS);
            low.shutdownNow();
            http.shutdownNow();
            System.out.println(niceOfThisThread() + " " + lowNice + " " + startedByLow + " " + pooledFromLow + " "
                    + niceOf(new DaemonThreads("io")) + " " + niceOfCompilerThreads());
        }
    }

    static int niceOf(ThreadFactory factory) throws Exception {
        CompletableFuture<Integer> nice = new CompletableFuture<>();
        factory.newThread(() -> {
            try {
                nice.complete(niceOfThisThread());
            } catch (IOException e) {
                nice.completeExceptionally(e);
            }
        }).start();
        return nice.get(10, TimeUnit.SECONDS);
    }

    static int niceOfThisThread() throws IOException {
        return niceIn(Files.readString(Path.of("/proc/thread-self/stat")));
    }

    /** The lowest nice value of this JVM's compiler threads ("C1 CompilerThre…", "C2 CompilerThre…"). */
    static int niceOfCompilerThreads() throws IOException {
        int lowest = Integer.MAX_VALUE;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        lowest = Math.min(lowest, niceIn(Files.readString(task.resolve("stat"))));
                    }
                } catch (java.nio.file.NoSuchFileException ended) {
                    // a thread that ended since the listing
                }
            }
        }
        if (lowest == Integer.MAX_VALUE) {
            throw new IllegalStateException("no compiler thread (C1 or C2 CompilerThre…) among this JVM's threads");
        }
        return lowest;
    }

    private static int niceIn(String stat) {
        // After the command name in parentheses (which may hold spaces): state is field 3, nice field 19.
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
