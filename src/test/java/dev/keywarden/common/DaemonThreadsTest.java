package dev.keywarden.common;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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

    /** On Linux, with the console's flags (the build's tests run with them), low-priority work runs at nice 19. */
    @Test
    void onLinuxWithTheConsolesFlagsLowPriorityThreadsRunAtNiceNineteen() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")), "Linux only");
        assumeTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:ThreadPriorityPolicy=1"),
                "the JVM runs without the console's priority flags");

        assertEquals(19, niceOf(DaemonThreads.lowPriority("load")));
        assertEquals(0, niceOf(new DaemonThreads("io")), "what the admin asked for keeps the normal priority");
        ExecutorService low = Executors.newSingleThreadExecutor(DaemonThreads.lowPriority("outer"));
        try {
            // A thread that low-priority work starts (OkHttp's, the sandbox's HTTP dispatcher) inherits the priority.
            assertEquals(19, low.submit(() -> niceOf(runnable -> new Thread(runnable))).get(10, TimeUnit.SECONDS));
        } finally {
            low.shutdownNow();
        }
    }

    private static int niceOf(java.util.concurrent.ThreadFactory factory) throws Exception {
        CompletableFuture<Integer> nice = new CompletableFuture<>();
        Thread thread = factory.newThread(() -> {
            try {
                String stat = Files.readString(Path.of("/proc/thread-self/stat"));
                // After the command name in parentheses: state is field 3, nice field 19.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                nice.complete(Integer.parseInt(fields[16]));
            } catch (Exception e) {
                nice.completeExceptionally(e);
            }
        });
        thread.start();
        return nice.get(10, TimeUnit.SECONDS);
    }
}
