package dev.keywarden.common;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DaemonThreadsTest {
    private static final List<String> PRIORITY_FLAGS = List.of("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19");

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
     * lower a nice value. Run in a JVM without that right (setpriv drops it when this one is root), as users run it.
     */
    @Test
    void onLinuxANormalThreadThatLowPriorityWorkStartsIsNotLeftAtNiceNineteen() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")), "Linux only");
        List<String> command = new ArrayList<>();
        if (Files.readString(Path.of("/proc/self/status")).contains("\nUid:\t0\t")) {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "root, and no setpriv to run as a user would");
            command.addAll(List.of("/usr/bin/setpriv", "--bounding-set", "-sys_nice", "--inh-caps", "-sys_nice"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(PRIORITY_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe ended");
        String out = new String(probe.getInputStream().readAllBytes()).strip();
        String[] last = out.lines().reduce((first, second) -> second).orElse("").split(" ");
        assertEquals(4, last.length, out);
        int own = Integer.parseInt(last[0]);

        assertEquals(19, Integer.parseInt(last[1]), "low-priority work: " + out);
        assertEquals(own, Integer.parseInt(last[2]), "a normal thread started by low-priority work: " + out);
        assertEquals(own, Integer.parseInt(last[3]), "a normal thread started by a normal one: " + out);
    }

    /** Prints the nice values of: its main thread, low-priority work, a normal thread it starts, a normal thread. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            ExecutorService low = Executors.newSingleThreadExecutor(DaemonThreads.lowPriority("load"));
            int lowNice = low.submit(DaemonThreadsTest::niceOfThisThread).get(10, TimeUnit.SECONDS);
            int startedByLow = low.submit(() -> niceOf(new DaemonThreads("http"))).get(10, TimeUnit.SECONDS);
            low.shutdownNow();
            System.out.println(niceOfThisThread() + " " + lowNice + " " + startedByLow + " " + niceOf(new DaemonThreads("io")));
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
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        // After the command name in parentheses: state is field 3, nice field 19.
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
