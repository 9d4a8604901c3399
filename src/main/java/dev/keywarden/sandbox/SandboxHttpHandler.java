package dev.keywarden.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one exchange: receives the body (a body that does not arrive, or arrives broken, is answered 400
 * at once), waits the configured latency, then any planned fault, then routing and the endpoint, and
 * writes the JSON envelope. Any unexpected failure becomes a 500 in the error envelope.
 *
 * <p>The latency is spent off the worker threads ({@link DeadlineWorkers#later}): requests in flight on
 * a slow network hold no server thread, so 64 clients at 50 ms each get their answers after 50 ms, not
 * in two rounds behind the 32 workers.
 */
final class SandboxHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(SandboxHttpHandler.class.getName());

    private final Router router;
    private final FaultInjector faults;
    private final Supplier<Duration> latency;
    private final DeadlineWorkers workers;
    private final RequestBodies bodies;
    private final Duration responseTimeout;

    SandboxHttpHandler(Router router, FaultInjector faults, Supplier<Duration> latency, DeadlineWorkers workers,
                       RequestBodies bodies, Duration responseTimeout) {
        this.router = router;
        this.faults = faults;
        this.latency = latency;
        this.workers = workers;
        this.bodies = bodies;
        this.responseTimeout = responseTimeout;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!workers.disarm()) {
                // The headers came in just as their deadline passed: the connection is being closed.
                exchange.close();
                return;
            }
            ReceivedBody body = bodies.receive(exchange);
            Duration wait = latency.get();
            if (!wait.isZero() && body.complete()) {
                workers.later(wait, () -> answerQuietly(exchange, body));
            } else {
                answer(exchange, body);
            }
        } finally {
            workers.disarm();
        }
    }

    private void answerQuietly(HttpExchange exchange, ReceivedBody body) {
        try {
            answer(exchange, body);
        } catch (IOException | RuntimeException e) {
            // The client went away while the answer was delayed; the JDK server closes the connection.
        }
    }

    /** Everything after the body and the latency, on a worker thread; closes the exchange. */
    private void answer(HttpExchange exchange, ReceivedBody body) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            Object answer;
            try {
                body.requireReceived();
                Optional<ApiError> fault = faults.take(method, path);
                if (fault.isPresent()) {
                    throw fault.get();
                }
                Router.Match match = router.match(method, path);
                answer = JsonAnswer.success(match.endpoint().handle(new SandboxRequest(exchange, match.pathParameters(), body)));
            } catch (ApiError e) {
                status = e.status();
                e.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                answer = JsonAnswer.failure(e.getMessage());
            } catch (Exception e) {
                LOG.log(System.Logger.Level.ERROR, "Sandbox failed on " + method + " " + path, e);
                status = 500;
                answer = JsonAnswer.failure("Internal sandbox error");
            }
            if (!body.complete()) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            workers.arm(responseTimeout);
            try {
                JsonAnswer.write(exchange, status, answer);
            } finally {
                body.release();
            }
            exchange.getResponseBody().close();
        } finally {
            workers.disarm();
        }
    }
}
