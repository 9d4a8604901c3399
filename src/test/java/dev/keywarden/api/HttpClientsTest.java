package dev.keywarden.api;

import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The clients the gateway builds: none sets up TLS for a plain loopback URL (HeadlessStartupTest checks the gateway uses it). */
class HttpClientsTest {

    private static final Duration SECONDS = Duration.ofSeconds(5);

    @Test
    void aPlainHttpClientHasNoTlsAtAll() {
        OkHttpClient client = HttpClients.create(SECONDS, SECONDS, true);
        try {
            assertThat(client.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
            assertThatThrownBy(client::sslSocketFactory).isInstanceOf(IllegalStateException.class);
        } finally {
            HttpClients.shutDown(client);
        }
    }

    @Test
    void anHttpsClientHasTls() {
        OkHttpClient client = HttpClients.create(SECONDS, SECONDS, false);
        try {
            assertThat(client.connectionSpecs()).anyMatch(ConnectionSpec::isTls);
            assertThat(client.sslSocketFactory()).isNotNull();
        } finally {
            HttpClients.shutDown(client);
        }
    }
}
