package dev.keywarden.api;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Gateways pointed at a MockWebServer, with fast timeouts, recorded waits and a fixed clock. */
final class TestApis {
    static final String ORG_KEY = "confident_us_org_4f0c1e2d3b4a59687766554433221100";
    static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    private TestApis() {
    }

    static String baseUrl(MockWebServer server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    static ConnectionConfig config(MockWebServer server) {
        return ConnectionConfig.of(baseUrl(server), OrgKey.of(ORG_KEY))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** Jitter fixed at zero offset (random 0.5), so waits are exactly 200 ms, 400 ms, … */
    static HttpConfidentApi api(ConnectionConfig config, Sleeper sleeper) {
        return new HttpConfidentApi(config, sleeper, Clock.fixed(NOW, ZoneOffset.UTC), () -> 0.5);
    }

    static HttpConfidentApi api(MockWebServer server, Sleeper sleeper) {
        return api(config(server), sleeper);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse fixture(String name) {
        return json(200, Fixtures.read(name));
    }

    static MockResponse error(int code, String message) {
        return json(code, "{\"success\": false, \"error\": \"" + message + "\", \"deprecated\": false}");
    }
}
