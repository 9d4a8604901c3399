package dev.keywarden.sandbox;

import com.sun.net.httpserver.HttpExchange;
import dev.keywarden.common.DaemonThreads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives request bodies under a deadline. Reading blocks with no timeout, so it runs on a reader thread
 * while the worker waits at most {@code bodyTimeout}; the worker stays free to answer 400 in the JSON
 * envelope on the still-open connection, and {@link ReceivedBody#release()} then closes it. At most
 * {@link SandboxRequest#MAX_BODY_BYTES} + 1 bytes are kept; the rest of a larger body is read and dropped,
 * up to {@link #MAX_DISCARDED_BYTES}, so the connection can serve the next request.
 */
final class RequestBodies {

    static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;

    private final ThreadPoolExecutor readers;
    private final Duration timeout;

    RequestBodies(ServerLimits limits) {
        this.timeout = limits.bodyTimeout();
        // Each worker waits for its own reader; twice as many leaves room for readers still being stopped.
        this.readers = new ThreadPoolExecutor(0, 2 * limits.workers(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), DaemonThreads.lowPriority("sandbox-body"));
    }

    /** Reads the whole body of {@code exchange}, or says why it could not. Never throws. */
    ReceivedBody receive(HttpExchange exchange) {
        InputStream in = exchange.getRequestBody();
        boolean chunked = exchange.getRequestHeaders().containsKey("Transfer-Encoding");
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (!chunked && (length == null || length.strip().equals("0"))) {
            return ReceivedBody.received(new byte[0], in, true);
        }
        Future<ReceivedBody> reading;
        try {
            reading = readers.submit(() -> readAll(in));
        } catch (RejectedExecutionException e) {
            return ReceivedBody.failed(new ApiError(503, "The sandbox is busy; try again"), in, null);
        }
        try {
            return reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return ReceivedBody.failed(ApiError.badRequest("Request body did not arrive within "
                    + seconds(timeout)), in, reading);
        } catch (ExecutionException e) {
            return ReceivedBody.failed(ApiError.badRequest(chunked
                    ? "Request body is not valid chunked encoding"
                    : "Request body is shorter than its Content-Length"), in, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReceivedBody.failed(new ApiError(503, "The sandbox is stopping"), in, reading);
        }
    }

    private static ReceivedBody readAll(InputStream in) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int keep = SandboxRequest.MAX_BODY_BYTES + 1;
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (kept.size() < keep) {
                kept.write(buffer, 0, Math.min(n, keep - kept.size()));
            }
            total += n;
            if (total > keep + MAX_DISCARDED_BYTES) {
                return ReceivedBody.received(kept.toByteArray(), in, false);
            }
        }
        return ReceivedBody.received(kept.toByteArray(), in, true);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + " ms";
        }
        return millis == 1000 ? "1 second" : millis / 1000 + " seconds";
    }

    /** Interrupts every reader, which closes its connection; waits up to {@code wait} for them to end. */
    void shutdown(Duration wait) throws InterruptedException {
        readers.shutdownNow();
        readers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
