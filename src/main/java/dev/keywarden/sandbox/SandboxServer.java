package dev.keywarden.sandbox;

import dev.keywarden.common.DaemonThreads;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The embedded Confident-compatible server, on 127.0.0.1 only. Start it, point a client at
 * {@link #baseUrl()} with {@link #orgKey()}, and close it when done. That key is listed among the
 * organisation's keys ("Sandbox admin key"); keys created through the API authenticate as well.
 */
public final class SandboxServer implements AutoCloseable {

    private final HttpServer http;
    private final DeadlineWorkers workers;
    private final RequestBodies bodies;
    private final TrafficSimulator traffic;
    private final SandboxStore store;
    private final String orgKey;
    private final FaultInjector faults = new FaultInjector();
    private volatile Duration latency;
    private boolean closed;

    static {
        // The JDK server writes headers and body apart; with Nagle's algorithm on, the body then waits for the
        // client's delayed ACK, about 40 ms on every response. The JDK reads this once, at its first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private SandboxServer(SandboxOptions options, ServerLimits limits, SandboxStore store, String orgKey)
            throws IOException {
        this.store = store;
        this.orgKey = orgKey;
        this.latency = options.latency();

        Router router = new Router();
        OrgKeyCheck orgKeyCheck = new OrgKeyCheck(store);
        new ManagementEndpoints(store).registerOn(router, orgKeyCheck);
        new OrganizationEndpoints(store).registerOn(router, orgKeyCheck);
        new DatasetsEndpoint(store).registerOn(router);
        if (options.offersV2()) {
            new KeyLifecycleEndpoints(store).registerOn(router, orgKeyCheck);
        }

        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), options.port());
        this.http = HttpServer.create(address, 64);
        this.workers = new DeadlineWorkers(limits);
        this.bodies = new RequestBodies(limits);
        http.setExecutor(workers);
        http.createContext("/", new SandboxHttpHandler(router, faults, () -> latency, workers, bodies,
                limits.responseTimeout()));
        startAsDaemon(http);
        this.traffic = options.simulateTraffic() ? TrafficSimulator.everyFewSeconds(store).start() : null;
    }

    /**
     * Loads the data file if one is given and exists (a corrupt one is a {@link DataFileException} and is left
     * untouched), otherwise starts from demo data or, with {@code empty}, an organisation without projects.
     */
    public static SandboxServer start(SandboxOptions options) throws IOException {
        return start(options, ServerLimits.defaults(), UnaryOperator.identity(), Clock.systemUTC());
    }

    /**
     * As {@link #start(SandboxOptions)}, on {@code clock}: every time the sandbox writes (created, last used) and
     * every expiry and rotation it checks follows it, so a test can move past a {@code rotatesAt}.
     */
    public static SandboxServer start(SandboxOptions options, Clock clock) throws IOException {
        return start(options, ServerLimits.defaults(), UnaryOperator.identity(), Objects.requireNonNull(clock, "clock"));
    }

    /** As {@link #start(SandboxOptions)}, with the store's writer wrapped: the seam where tests make saves fail. */
    static SandboxServer start(SandboxOptions options, UnaryOperator<ChangeWriter> writers) throws IOException {
        return start(options, ServerLimits.defaults(), writers, Clock.systemUTC());
    }

    /** As {@link #start(SandboxOptions, UnaryOperator)}, on {@code clock}. */
    static SandboxServer start(SandboxOptions options, UnaryOperator<ChangeWriter> writers, Clock clock) throws IOException {
        return start(options, ServerLimits.defaults(), writers, clock);
    }

    /** As {@link #start(SandboxOptions)}, with other time limits for slow clients. */
    static SandboxServer start(SandboxOptions options, ServerLimits limits) throws IOException {
        return start(options, limits, UnaryOperator.identity(), Clock.systemUTC());
    }

    private static SandboxServer start(SandboxOptions options, ServerLimits limits, UnaryOperator<ChangeWriter> writers,
                                       Clock clock) throws IOException {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(limits, "limits");
        String orgKey = options.orgKey() != null ? options.orgKey() : Identifiers.orgKey();
        SandboxStore store = SandboxStorage.open(options.dataFile(), () -> initialData(options, clock), orgKey, clock,
                writers);
        try {
            return new SandboxServer(options, limits, store, orgKey);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The JDK's dispatcher thread inherits daemon status from the thread that calls start(), so starting
     * from a daemon thread keeps a forgotten sandbox from holding the JVM open.
     */
    private static void startAsDaemon(HttpServer http) throws IOException {
        Thread starter = DaemonThreads.lowPriority("sandbox-start").newThread(http::start);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.stop(0);
            throw new IOException("interrupted while starting the sandbox", e);
        }
    }

    private static SandboxData initialData(SandboxOptions options, Clock clock) {
        // Only the demo data follows the seed; keys minted later always come from SecureRandom.
        Random random = options.seed() == null ? Identifiers.SECURE : new Random(options.seed());
        return options.empty() ? DemoData.empty(random, clock.instant()) : DemoData.generate(random, clock.instant());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String orgKey() {
        return orgKey;
    }

    public SandboxStore store() {
        return store;
    }

    /** The traffic simulator, or null without {@code --simulate-traffic}; for tests. */
    TrafficSimulator traffic() {
        return traffic;
    }

    public Duration latency() {
        return latency;
    }

    public void setLatency(Duration latency) {
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or more");
        }
        this.latency = latency;
    }

    /**
     * Test hook: the next {@code times} requests whose method equals {@code method} ({@code *} for any) and
     * whose whole path matches {@code pathRegex} get {@code status} with {@code error} in the error envelope,
     * without reaching the store.
     */
    public void failNext(String method, String pathRegex, int status, String error, int times) {
        faults.failNext(method, pathRegex, status, error, times);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Stops accepting, drops open connections, and stops the worker threads and the traffic simulator. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (traffic != null) {
            traffic.close();
        }
        http.stop(0);
        try {
            bodies.shutdown(Duration.ofSeconds(1));
            workers.shutdown(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
