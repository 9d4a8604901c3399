package dev.keywarden.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.Future;

/**
 * A request body as received: its bytes, or the 400 to answer instead. When the body was not read to its
 * end, {@link #release()} closes the connection, because the JDK server would otherwise wait for the rest
 * of it (with no timeout) before it lets the worker go.
 */
final class ReceivedBody {

    private static final int MAX_CLOSING_READS = 10_000;

    private final byte[] bytes;
    private final ApiError problem;
    private final InputStream in;
    private final boolean complete;
    private final Future<?> stillReading;

    private ReceivedBody(byte[] bytes, ApiError problem, InputStream in, boolean complete, Future<?> stillReading) {
        this.bytes = bytes;
        this.problem = problem;
        this.in = in;
        this.complete = complete;
        this.stillReading = stillReading;
    }

    static ReceivedBody received(byte[] bytes, InputStream in, boolean complete) {
        return new ReceivedBody(bytes, null, in, complete, null);
    }

    static ReceivedBody failed(ApiError problem, InputStream in, Future<?> stillReading) {
        return new ReceivedBody(null, problem, in, false, stillReading);
    }

    /** The bytes, at most {@link SandboxRequest#MAX_BODY_BYTES} + 1; throws the 400 when there are none. */
    byte[] bytes() {
        if (problem != null) {
            throw problem;
        }
        return bytes;
    }

    /** Throws the 400 when the body could not be received; the answer must come before anything else. */
    void requireReceived() {
        bytes();
    }

    /** False when the connection cannot carry another request: the answer should say {@code Connection: close}. */
    boolean complete() {
        return complete;
    }

    /**
     * Call after the answer is flushed (or failed) and before the response stream is closed: closing that
     * stream first reads the rest of the request body.
     */
    void release() {
        if (complete) {
            return;
        }
        if (stillReading != null) {
            stillReading.cancel(true);
        }
        closeConnection();
    }

    /**
     * Closes the connection under the stream: a read by an interrupted thread closes the NIO channel. Reads
     * may first use up bytes already buffered, or fail on them (a broken chunk header), before one reaches
     * the channel; a cancelled reader lets go of the stream once its own read has failed.
     */
    private void closeConnection() {
        byte[] buffer = new byte[16 * 1024];
        Thread.currentThread().interrupt();
        try {
            for (int i = 0; i < MAX_CLOSING_READS; i++) {
                try {
                    if (in.read(buffer) == -1) {
                        return;
                    }
                } catch (ClosedChannelException closed) {
                    return;
                } catch (IOException stillBuffered) {
                    // a parse error on buffered bytes; the next read goes further
                }
            }
        } finally {
            Thread.interrupted();
        }
    }
}
