package dev.keywarden.api;

import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import static dev.keywarden.api.TestApis.ORG_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The printable forms of everything holding the key. Exceptions are checked where each failure is provoked. */
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
    void everyFailureTypeKeepsTheKeyOut() {
        // The same check runs inside NoSecrets.failure for every provoked failure; this covers the constructors directly.
        ApiException[] failures = {
                new UnauthorizedException("e", "GET", "/p"), new ForbiddenException("e", "GET", "/p"),
                new NotFoundException("e", "GET", "/p"), new ConflictException("e", "POST", "/p"),
                new InvalidRequestException(400, "e", "POST", "/p"), new UnavailableException(429, "e", "GET", "/p", null),
                new ServerException(500, "e", "GET", "/p"), new NetworkException("GET", "/p", new java.io.IOException("reset")),
                new ProtocolException(200, "GET", "/p", "d", null), new CancelledException("GET", "/p")};
        for (ApiException failure : failures) {
            NoSecrets.assertKeyAbsent(failure);
        }
    }
}
