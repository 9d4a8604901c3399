package dev.keywarden.api;

import dev.keywarden.model.Json;
import dev.keywarden.model.NewProject;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static dev.keywarden.api.NoSecrets.failure;
import static dev.keywarden.api.TestApis.ORG_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The org key fed into every failure path the gateway has (the server's error text, a header, the
 * path, the body, an exception message from the network library), and kept out of everything
 * printable about the failure. The scanner itself is checked first, so these tests can fail.
 */
class SecretsTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void configAndGatewayDoNotPrintTheKey() {
        ConnectionConfig config = TestApis.config(server);
        try (HttpConfidentApi api = TestApis.api(config, new RecordingSleeper())) {
            assertThat(config.toString()).doesNotContain(ORG_KEY);
            assertThat(config.orgKey().toString()).doesNotContain(ORG_KEY);
            assertThat(api.toString()).doesNotContain(ORG_KEY).contains(config.baseUrl());
        }
    }

    @Test
    void theScannerCatchesTheKeyWhereverAFailureCarriesIt() {
        List<ApiException> leaking = List.of(
                new UnauthorizedException("Invalid API key " + ORG_KEY, "GET", "/v1/organization"),
                new NotFoundException("e", "GET", "/v1/projects/" + ORG_KEY),
                new NetworkException("GET", "/p", new IOException("proxy said " + ORG_KEY)),
                new NetworkException("GET", "/p", new IOException("outer", new IOException("inner " + ORG_KEY))),
                new ProtocolException(200, "GET", "/p", "got " + ORG_KEY, null));
        for (ApiException failure : leaking) {
            assertThatThrownBy(() -> NoSecrets.assertKeyAbsent(failure)).as(failure.getClass().getSimpleName())
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void everyFailureTypeKeepsTheKeyOut() {
        try (HttpConfidentApi api = TestApis.api(TestApis.config(server).withRetries(1, Duration.ofSeconds(1)), new RecordingSleeper())) {
            for (int status : new int[]{400, 401, 403, 404, 409, 422, 429, 500, 502, 503}) {
                server.enqueue(echoingTheKey(status));
                ApiException failure = failure(ApiException.class, () -> api.getProject(ORG_KEY));
                assertThat(failure.status()).isEqualTo(status);
                assertThat(failure.path()).isEqualTo("/v1/projects/[redacted]");
                assertThat(failure.serverError()).contains("[redacted]");
            }

            server.enqueue(echoingTheKey(409));
            failure(ConflictException.class, () -> api.createProject(new NewProject(ORG_KEY, ORG_KEY, null)));

            server.enqueue(TestApis.json(200, "{\"success\": false, \"error\": \"echo " + ORG_KEY + "\"}"));
            failure(ProtocolException.class, api::organization);

            server.enqueue(TestApis.json(200, "not json " + ORG_KEY));
            failure(ProtocolException.class, api::organization);

            server.enqueue(TestApis.json(200, "{\"success\": true, \"data\": {\"apiKey\": {\"id\": \"" + ORG_KEY
                    + "\", \"valid\": true, \"value\": \"x\", \"created_at\": \"2024-12-04T23:00:00.000Z\"}}}"));
            failure(ProtocolException.class, () -> api.getApiKey("P", 1));
        }
    }

    @Test
    void aNetworkFailureWhoseMessageHoldsTheKeyIsRedacted() {
        OkHttpClient echoing = HttpClients.create(Duration.ofSeconds(2), Duration.ofSeconds(5)).newBuilder()
                .addInterceptor(chain -> {
                    throw new IOException("proxy refused " + chain.request().header(ApiTransport.KEY_HEADER),
                            new IOException("nested " + ORG_KEY));
                })
                .build();
        ApiTransport transport = new ApiTransport(echoing, OrgKey.of(ORG_KEY), Json.newMapper(),
                new RetryPolicy(1, Duration.ofSeconds(1), () -> 0.5), new RecordingSleeper(), Clock.systemUTC(),
                ConnectionConfig.DEFAULT_DEADLINE);
        HttpUrl url = HttpUrl.get(TestApis.baseUrl(server)).newBuilder().addPathSegments("v1/organization").build();
        try {
            NetworkException failure = failure(NetworkException.class, () -> transport.send("GET", url, null));

            assertThat(failure.getCause()).hasMessageContaining("java.io.IOException: proxy refused [redacted]");
            assertThat(failure.getCause().getCause()).hasMessageContaining("nested [redacted]");
        } finally {
            transport.close();
        }
    }

    @Test
    void aCancelledCallKeepsTheKeyOutOfItsPath() {
        HttpConfidentApi api = TestApis.api(server, new RecordingSleeper());
        api.close();

        CancelledException failure = failure(CancelledException.class, () -> api.getProject(ORG_KEY));

        assertThat(failure.path()).isEqualTo("/v1/projects/[redacted]");
    }

    @Test
    void aKeyThatNeedsPercentEncodingInThePathIsRedactedToo() {
        String odd = "org{key}|with^odd`chars";
        try (HttpConfidentApi api = TestApis.api(ConnectionConfig.of(TestApis.baseUrl(server), OrgKey.of(odd))
                .withRetries(1, Duration.ofSeconds(1)), new RecordingSleeper())) {
            server.enqueue(TestApis.error(404, "Project not found"));

            NotFoundException failure = failure(NotFoundException.class, () -> api.getProject(odd));

            assertThat(failure.path()).isEqualTo("/v1/projects/[redacted]");
            assertThat(failure.getMessage()).doesNotContain(odd).doesNotContain("org%7Bkey%7D");
        }
    }

    private static MockResponse echoingTheKey(int status) {
        return new MockResponse.Builder().code(status)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Echo-Key", ORG_KEY)
                .addHeader("Retry-After", "1")
                .body("{\"success\": false, \"error\": \"You sent " + ORG_KEY + " to /v1/projects/" + ORG_KEY + "\"}")
                .build();
    }
}
