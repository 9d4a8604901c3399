package dev.keywarden.ui.app;

import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * The demo sandbox that runs inside the console on a free loopback port, started the first time it
 * is needed (off the FX thread) and stopped when the console closes.
 */
public final class EmbeddedSandbox implements AutoCloseable {
    private final String[] options;
    private final Clock clock;
    private volatile SandboxServer server;

    /** @param options sandbox command-line options, e.g. {@code --seed 7}; the port is always a free one */
    public EmbeddedSandbox(String... options) {
        this(Clock.systemUTC(), options);
    }

    /** On a clock of the caller's (a test's, to move past an expiry or a rotation's end without waiting). */
    public EmbeddedSandbox(Clock clock, String... options) {
        this.clock = clock;
        this.options = options.clone();
    }

    public synchronized SandboxServer server() {
        if (server == null) {
            try {
                server = SandboxServer.start(SandboxOptions.parse(options).withPort(0), clock);
            } catch (IOException e) {
                throw new UncheckedIOException("The demo sandbox could not start: " + e.getMessage(), e);
            }
        }
        return server;
    }

    /**
     * Starts the server on a thread of its own, so that it is up (or nearly) when the console asks for it while the
     * window is still being built; {@link #server()} waits for that start. A start that fails is tried again, and
     * reported, by {@link #server()}.
     */
    public void startInBackground() {
        Thread starter = new Thread(() -> {
            try {
                server();
            } catch (RuntimeException later) {
                // server() tries again when the console asks for the sandbox, and the console reports it then.
            }
        }, "keywarden-sandbox-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** The running server's base URL, or null; never waits for a start in progress. */
    public String baseUrlIfRunning() {
        SandboxServer running = server;
        return running == null ? null : running.baseUrl();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
