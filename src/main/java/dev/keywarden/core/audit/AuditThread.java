package dev.keywarden.core.audit;

import dev.keywarden.common.DaemonThreads;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread that touches audit files, for every trail in this JVM. A {@code FileChannel} is closed
 * for good when the thread using it is interrupted (a cancelled bulk run, quitting), which would lose the
 * entry being written; nothing interrupts this thread. Callers wait for it without giving up on an
 * interrupt and get their interrupt flag back afterwards. One thread also means two trails on the same
 * file in one JVM never hold its lock at once (a second lock from the same JVM is refused, not awaited).
 */
final class AuditThread {
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(new DaemonThreads("keywarden-audit"));

    @FunctionalInterface
    interface FileWork<T> {
        T run() throws IOException;
    }

    private AuditThread() {
    }

    /** Runs the work on the audit thread and waits for it to finish, even when interrupted meanwhile. */
    static <T> T run(FileWork<T> work) throws IOException {
        Future<T> done = THREAD.submit(work::run);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }
}
