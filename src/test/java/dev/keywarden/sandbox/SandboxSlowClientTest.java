package dev.keywarden.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send slowly, stop half-way or send a broken body, over raw sockets. Each holds a worker only
 * until its deadline; everyone else is served meanwhile, and a broken or missing body gets a 400 in the
 * JSON envelope. The sandbox here has 16 workers, like the one that 16 slow clients used to stop, and
 * deadlines of one second so the suite stays quick.
 */
class SandboxSlowClientTest {

    private static final ServerLimits QUICK = new ServerLimits(16, 256, Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(5));
    private static final int SLOW_CLIENTS = 20;
    private static final String JSON_POST = "POST /v1/projects HTTP/1.1\r\nHost: sandbox\r\n"
            + "Content-Type: application/json\r\n";

    private final List<RawHttp> connections = new ArrayList<>();
    private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
    private SandboxServer server;

    @AfterEach
    void stop() throws IOException {
        trickler.shutdownNow();
        for (RawHttp connection : connections) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twentyClientsSendingHeadersAtOneBytePerSecondAreDroppedWhileOthersAreServed() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true), QUICK);
        List<RawHttp> slow = openTrickling(i -> "GET /v1/organization HTTP/1.1\r\nHost: sandbox\r\nX-Slow: ");

        assertServedPromptly();
        for (RawHttp connection : slow) {
            assertThat(connection.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertServedPromptly();
    }

    @Test
    void twentyClientsSendingTheBodyAtOneBytePerSecondAreDroppedWhileOthersAreServed() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true), QUICK);
        List<RawHttp> slow = openTrickling(i -> JSON_POST + "Content-Length: 1000\r\n\r\n{\"name\": \"");

        assertServedPromptly();
        for (RawHttp connection : slow) {
            assertThat(connection.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(server.store().projects()).isEmpty();
    }

    @Test
    void withTheDefaultLimitsTwentySlowClientsDoNotDelayOthersAtAll() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true));
        openTrickling(i -> i % 2 == 0 ? "GET /v1/organization HTTP/1.1\r\nX-Slow: "
                : JSON_POST + "Content-Length: 1000\r\n\r\n{");

        assertServedPromptly();
    }

    @Test
    void aBodyShorterThanItsContentLengthIsAnswered400WhenItsTimeIsUp() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true), QUICK);
        RawHttp client = open().send(JSON_POST + "Content-Length: 50\r\n\r\n{\"name\": \"x\"}");

        long started = System.nanoTime();
        assertJsonError(client.answer(), "Request body did not arrive within 1 second");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(client.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
        assertThat(server.store().projects()).isEmpty();
    }

    @Test
    void aBodyCutShortByTheClientIsAnswered400AtOnce() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true), QUICK);
        RawHttp client = open().send(JSON_POST + "Content-Length: 50\r\n\r\n{\"name\": \"x\"}");
        client.finishSending();

        assertJsonError(client.answer(), "Request body is shorter than its Content-Length");
        assertThat(server.store().projects()).isEmpty();
    }

    @Test
    void aMalformedChunkedBodyIsAnswered400() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true), QUICK);
        RawHttp client = open().send(JSON_POST + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{\"name\": \"x\"}\r\n0\r\n\r\n");

        assertJsonError(client.answer(), "Request body is not valid chunked encoding");
        assertThat(client.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
        assertThat(server.store().projects()).isEmpty();
    }

    @Test
    void aChunkedBodyThatStopsHalfWayIsAnswered400WhenItsTimeIsUp() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true), QUICK);
        RawHttp client = open().send(JSON_POST + "Transfer-Encoding: chunked\r\n\r\n40\r\n{\"name\": ");

        assertJsonError(client.answer(), "Request body did not arrive within 1 second");
        assertThat(client.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aWellFormedChunkedBodyIsAccepted() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true).withOrgKey("org"), QUICK);
        String body = "{\"name\": \"Chunked\"}";
        RawHttp client = open().send(JSON_POST + "CONFIDENT_API_KEY: org\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");

        RawHttp.Answer answer = client.answer();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(server.store().projects()).extracting(p -> p.name()).containsExactly("Chunked");
    }

    @Test
    void anUnauthenticatedClientCannotHoldAWorkerWithABodyItNeverSends() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true), QUICK);
        RawHttp client = open().send(JSON_POST + "Content-Length: 100000\r\n\r\n{");

        assertJsonError(client.answer(), "Request body did not arrive within 1 second");
    }

    @Test
    void aClientThatNeverTakesItsAnswerIsCutOffWhileOthersAreServed() throws Exception {
        // One worker: while it is stuck writing, nobody else is served.
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true).withOrgKey("org"),
                new ServerLimits(1, 256, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        // About 5 MB of project list: more than the kernel's socket buffers take in on the client's behalf.
        String description = "d".repeat(BodyFields.MAX_DESCRIPTION_LENGTH);
        for (int i = 0; i < 2_500; i++) {
            server.store().createProject("Project " + i, description);
        }
        RawHttp stuck = new RawHttp(server, 1024);
        connections.add(stuck);
        stuck.send("GET /v1/projects HTTP/1.1\r\nCONFIDENT_API_KEY: org\r\n\r\n");
        Thread.sleep(300);

        assertServedPromptly();
        long answerSize = new SandboxClient(server).get("/v1/projects").json().toString().length();
        assertThat(stuck.bytesUntilClosed()).isLessThan(answerSize);
    }

    /** Opens {@value #SLOW_CLIENTS} connections that each send the start of a request, then a byte every 300 ms. */
    private List<RawHttp> openTrickling(Function<Integer, String> start) throws Exception {
        List<RawHttp> slow = new ArrayList<>();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slow.add(open().send(start.apply(i)));
        }
        trickler.scheduleAtFixedRate(() -> slow.forEach(connection -> connection.trickle('a')),
                300, 300, TimeUnit.MILLISECONDS);
        Thread.sleep(300);
        return slow;
    }

    private void assertServedPromptly() {
        long started = System.nanoTime();
        assertSuccess(new SandboxClient(server).get("/v1/organization"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    private RawHttp open() throws IOException {
        RawHttp connection = new RawHttp(server);
        connections.add(connection);
        return connection;
    }

    private static void assertJsonError(RawHttp.Answer answer, String error) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.json().get("success").booleanValue()).isFalse();
        assertThat(answer.json().get("error").textValue()).isEqualTo(error);
    }
}
