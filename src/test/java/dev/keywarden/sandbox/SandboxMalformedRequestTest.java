package dev.keywarden.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests so malformed that the JDK's HTTP layer refuses them before the sandbox's handler runs. It
 * answers them itself, in HTML, and closes the connection; the sandbox cannot change that answer (the JDK
 * server has no hook before its own checks). What is asserted: a 4xx/501 rather than a hang or a 5xx
 * from the sandbox, the connection closed, and the sandbox still serving.
 */
class SandboxMalformedRequestTest {

    private static SandboxServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "negative Content-Length        | POST /v1/projects HTTP/1.1\\r\\nContent-Length: -5\\r\\n\\r\\n          | 400",
            "Content-Length that is no number | POST /v1/projects HTTP/1.1\\r\\nContent-Length: five\\r\\n\\r\\n    | 400",
            "both Content-Length and Transfer-Encoding | POST /v1/projects HTTP/1.1\\r\\nContent-Length: 2\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n{} | 400",
            "two Content-Lengths            | POST /v1/projects HTTP/1.1\\r\\nContent-Length: 2\\r\\nContent-Length: 3\\r\\n\\r\\n{} | 400",
            "garbage request line           | HELLO\\r\\n\\r\\n                                                   | 400",
            "request line without a version | GET /v1/projects\\r\\n\\r\\n                                         | 400",
            "malformed URI                  | GET /v1/projects/%zz HTTP/1.1\\r\\n\\r\\n                           | 400",
            "header name with a space       | GET /v1/projects HTTP/1.1\\r\\nBad Header: x\\r\\n\\r\\n               | 400",
            "Transfer-Encoding other than chunked | POST /v1/projects HTTP/1.1\\r\\nTransfer-Encoding: gzip\\r\\n\\r\\n | 501",
    })
    void isRefusedAndTheConnectionClosedWhileOthersAreServed(String title, String request, int status) throws Exception {
        try (RawHttp client = new RawHttp(server)) {
            RawHttp.Answer answer = client.send(request.replace("\\r\\n", "\r\n")).answer();
            assertThat(answer.status()).as(answer.body()).isEqualTo(status);
            assertThat(client.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertSuccess(new SandboxClient(server).get("/v1/organization"));
    }
}
