package dev.keywarden.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one exchange: the configured latency, then any planned fault, then routing and the endpoint,
 * and writes the JSON envelope. Any unexpected failure becomes a 500 in the error envelope.
 */
final class SandboxHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(SandboxHttpHandler.class.getName());

    private final Router router;
    private final FaultInjector faults;
    private final Supplier<Duration> latency;

    SandboxHttpHandler(Router router, FaultInjector faults, Supplier<Duration> latency) {
        this.router = router;
        this.faults = faults;
        this.latency = latency;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            delay();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            Object body;
            try {
                Optional<ApiError> fault = faults.take(method, path);
                if (fault.isPresent()) {
                    throw fault.get();
                }
                Router.Match match = router.match(method, path);
                body = JsonAnswer.success(match.endpoint().handle(new SandboxRequest(exchange, match.pathParameters())));
            } catch (ApiError e) {
                status = e.status();
                e.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                body = JsonAnswer.failure(e.getMessage());
            } catch (Exception e) {
                LOG.log(System.Logger.Level.ERROR, "Sandbox failed on " + method + " " + path, e);
                status = 500;
                body = JsonAnswer.failure("Internal sandbox error");
            }
            JsonAnswer.send(exchange, status, body);
        }
    }

    private void delay() {
        Duration wait = latency.get();
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
