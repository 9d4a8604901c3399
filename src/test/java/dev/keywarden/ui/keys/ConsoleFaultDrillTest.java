package dev.keywarden.ui.keys;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.api.OrgKey;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.ui.common.Problem;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.RowState;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Fault drills for the console, without a window: each class of fault, as the real gateway reports
 * it (made by a real call against MockWebServer or a closed port), fed into the console's models.
 * For each: nothing on screen that the server does not have ("unknown" until it is read again), a
 * message in plain words, the header's connection state following the call, and busy flags cleared.
 */
class ConsoleFaultDrillTest {
    private static final String ORG_KEY = "confident_us_org_0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    /** The calls the drills make fail. */
    enum Call { TOGGLE_KEY_1, READ_KEY_1, LOAD_ORGANISATION, LIST_KEYS_OF_P2 }

    /** Each class of fault; {@code mayHaveApplied}: whether a change that met it may have been made anyway. */
    enum Fault {
        REFUSED(false),
        DEADLINE_PASSED(true),
        RESET_AFTER_SENDING(true),
        BURST_OF_5XX(true),
        RATE_LIMITED(false),
        HTML_INSTEAD_OF_JSON(true),
        SUCCESS_FALSE_WITH_200(true),
        KEY_REFUSED_401(false);

        final boolean mayHaveApplied;

        Fault(boolean mayHaveApplied) {
            this.mayHaveApplied = mayHaveApplied;
        }

        private List<MockResponse> answers() {
            return switch (this) {
                case REFUSED -> List.of();
                case DEADLINE_PASSED -> List.of(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
                case RESET_AFTER_SENDING -> List.of(cutOff(), cutOff(), cutOff());
                case BURST_OF_5XX -> List.of(error(502, "Bad gateway"), error(503, "Overloaded"), error(500, "Database unavailable"));
                case RATE_LIMITED -> List.of(new MockResponse.Builder(error(429, "Too many requests")).addHeader("Retry-After", "60").build());
                case HTML_INSTEAD_OF_JSON -> List.of(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                        .body("<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>").build());
                case SUCCESS_FALSE_WITH_200 -> List.of(json(200, "{\"success\": false, \"error\": \"Something went wrong\"}"));
                case KEY_REFUSED_401 -> List.of(error(401, "Invalid API key"));
            };
        }

        /** What the real gateway throws for this fault on that call. */
        ApiException realFailure(Call call) {
            try {
                if (this == REFUSED) {
                    int closedPort;
                    try (ServerSocket socket = new ServerSocket(0)) {
                        closedPort = socket.getLocalPort();
                    }
                    return failureFrom("http://127.0.0.1:" + closedPort, call);
                }
                try (MockWebServer server = new MockWebServer()) {
                    server.start();
                    answers().forEach(server::enqueue);
                    return failureFrom("http://127.0.0.1:" + server.getPort(), call);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private ApiException failureFrom(String baseUrl, Call call) {
            ConnectionConfig config = ConnectionConfig.of(baseUrl, OrgKey.of(ORG_KEY))
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                    .withDeadline(this == DEADLINE_PASSED ? Duration.ofSeconds(1) : Duration.ofSeconds(10));
            try (HttpConfidentApi api = new HttpConfidentApi(config)) {
                switch (call) {
                    case TOGGLE_KEY_1 -> api.setApiKeyValid("p1", 1, false);
                    case READ_KEY_1 -> api.getApiKey("p1", 1);
                    case LOAD_ORGANISATION -> api.organization();
                    case LIST_KEYS_OF_P2 -> api.listApiKeys("p2");
                }
            } catch (ApiException failure) {
                return failure;
            }
            throw new AssertionError(this + " did not make the call fail");
        }
    }

    private final ConsoleModels models = ConsoleModels.connected();
    private final KeyCommands commands = models.model.keyCommands();
    private final List<Problem> problems = new ArrayList<>();

    ConsoleFaultDrillTest() {
        models.model.setProblemSink(problems::add);
    }

    static Stream<Arguments> togglesMeetingFaults() {
        return Arrays.stream(Fault.values()).flatMap(fault -> fault.mayHaveApplied
                ? Stream.of(Arguments.of(fault, true), Arguments.of(fault, false))
                : Stream.of(Arguments.of(fault, false)));
    }

    @ParameterizedTest(name = "{0}, applied by the server: {1}")
    @MethodSource("togglesMeetingFaults")
    void aToggleThatMeetsAFaultEndsShowingWhatTheServerHas(Fault fault, boolean applied) {
        ApiException failure = fault.realFailure(Call.TOGGLE_KEY_1);
        assertThat(failure.outcomeUnknown()).as("the gateway says whether the change may have been made").isEqualTo(fault.mayHaveApplied);
        models.show("p1");
        KeyRow row = models.shownKey(1);
        if (applied) {
            models.api.failChangesOf(1, failure, true, 1);
        } else {
            models.api.failNext(failure);
        }

        commands.setValid(row, false);
        assertThat(row.isIdle()).isFalse();
        assertThat(row.key().valid()).as("nothing shown as done before an answer").isTrue();

        models.runner.finish(KeyCommands.SET_VALID_TAG);
        if (fault.mayHaveApplied) {
            assertThat(row.state()).as("neither the old state nor the asked-for one, until read again").isEqualTo(RowState.UNKNOWN);
            assertThat(models.runner.tags()).contains(KeyCommands.READ_AGAIN_TAG);
        } else {
            assertThat(row.state()).isEqualTo(RowState.IDLE);
            assertThat(models.runner.tags()).as("a change that certainly failed is not read again").doesNotContain(KeyCommands.READ_AGAIN_TAG);
        }
        assertHeaderSaysTheConnectionFailed();
        models.runner.finishAll();

        assertThat(row.state()).isEqualTo(fault.mayHaveApplied && !applied ? RowState.MAY_BE_OUT_OF_DATE : RowState.IDLE);
        assertThat(row.key().valid()).as("the server's state").isEqualTo(models.api.key("p1", 1).valid()).isEqualTo(!applied);
        assertThat(models.project("p1").keys().countsText()).isEqualTo(applied ? "1 / 3" : "2 / 3");
        Problem problem = singleProblem();
        assertThat(problem.failedChange()).as("a failure is kept until dismissed").isEqualTo(!applied);
        assertThat(problem.text()).startsWith("Key \u201ckey 1\u201d (\u2026001001): ")
                .contains(applied ? "Deactivated, although the answer was lost: reading the key again shows the change."
                        : fault.mayHaveApplied ? "Not deactivated yet: the answer was lost and reading the key again shows it unchanged"
                        : "Not deactivated: ");

        commands.setValid(models.shownKey(2), false);
        models.runner.finishAll();
        assertThat(models.model.session().stateProperty().get()).as("the next success clears the header")
                .isEqualTo(ConnectionSession.State.CONNECTED);
        assertThat(models.model.session().problemProperty().get()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aRefreshThatMeetsAFaultKeepsWhatWasShownMarkedAsMaybeOutOfDate(Fault fault) {
        models.show("p1");
        models.api.failNextOrganization(fault.realFailure(Call.LOAD_ORGANISATION));

        models.model.refresh();
        assertThat(models.model.projects().loadingProperty().get()).isTrue();
        models.runner.finishAll();

        assertThat(models.model.projects().loadingProperty().get()).isFalse();
        assertThat(models.model.keys().loadingProperty().get()).isFalse();
        assertThat(models.model.projects().rows()).extracting(ProjectRow::id).containsExactly("p1", "p2");
        assertThat(models.model.projects().refreshFailedAtProperty().get()).as("marked as maybe out of date").isNotNull();
        assertThat(models.model.keys().rows()).extracting(shown -> shown.key().valid())
                .containsExactly(models.api.key("p1", 1).valid(), models.api.key("p1", 2).valid(), models.api.key("p1", 3).valid());
        assertHeaderSaysTheConnectionFailed();
        assertThat(singleProblem().text()).startsWith("Could not load projects: ");

        models.model.refresh();
        models.runner.finishAll();
        assertThat(models.model.session().stateProperty().get()).isEqualTo(ConnectionSession.State.CONNECTED);
        assertThat(models.model.projects().refreshFailedAtProperty().get()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void loadingAProjectsKeysThatMeetsAFaultStopsLoadingAndSaysWhy(Fault fault) {
        models.api.failNext(fault.realFailure(Call.LIST_KEYS_OF_P2));

        models.model.projects().select(models.project("p2"));
        assertThat(models.model.keys().loadingProperty().get()).isTrue();
        models.runner.finishAll();

        assertThat(models.model.keys().loadingProperty().get()).as("busy flag cleared").isFalse();
        assertThat(models.model.keys().rows()).singleElement()
                .satisfies(shown -> assertThat(shown.key()).isEqualTo(models.api.key("p2", 4)));
        assertHeaderSaysTheConnectionFailed();
        assertThat(singleProblem().text()).startsWith("Could not load the keys of Staging Environment: ");
    }

    @Test
    void whenReadingAKeyAgainFailsTooTheRowSaysItMayBeOutOfDateAndSoDoesTheMessage() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        models.api.failChangesOf(1, Fault.DEADLINE_PASSED.realFailure(Call.TOGGLE_KEY_1), true, 1);
        commands.setValid(row, false);
        // The toggle's work is done; the read that follows its answer meets a server that is gone.
        models.api.failNext(Fault.REFUSED.realFailure(Call.READ_KEY_1));

        models.runner.finishAll();

        assertThat(row.state()).as("what the store last knew, marked: the server may have either state")
                .isEqualTo(RowState.MAY_BE_OUT_OF_DATE);
        assertThat(singleProblem().text()).startsWith("Key \u201ckey 1\u201d (\u2026001001): Not known whether it was deactivated: "
                + "the answer was lost and the key could not be read again (").endsWith("It is read again after the deadline.");
        assertThat(models.model.session().stateProperty().get()).isEqualTo(ConnectionSession.State.FAILED);
    }

    @Test
    void thePlainWordsCheckCatchesJavaAndNetworkText() {
        for (String raw : List.of("Could not load projects: java.net.ConnectException: Failed to connect to /127.0.0.1:1",
                "Could not deactivate: unexpected end of stream (okhttp3.internal.http1.Http1ExchangeCodec)",
                "Could not load projects: Unexpected error (NullPointerException)")) {
            assertThat(catchThrowable(() -> assertPlainWords(raw))).as(raw).isInstanceOf(AssertionError.class);
        }
    }

    private void assertHeaderSaysTheConnectionFailed() {
        assertThat(models.model.session().stateProperty().get()).isEqualTo(ConnectionSession.State.FAILED);
        assertPlainWords(models.model.session().problemProperty().get());
    }

    private Problem singleProblem() {
        assertThat(problems).hasSize(1);
        Problem problem = problems.get(0);
        assertPlainWords(problem.text());
        assertThat(problem.details()).as("the technical detail, behind 'Details'").isNotBlank().doesNotContain(ORG_KEY);
        return problem;
    }

    /** No Java or network library text, no raw socket address, no key. */
    static void assertPlainWords(String text) {
        assertThat(text).isNotBlank()
                .doesNotContain("java.", "javax.", "Exception", "okhttp", "okio", "/127.0.0.1", "null", "HTTP/1.1", ORG_KEY)
                .doesNotContainPattern("\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*");
    }

    private static MockResponse cutOff() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse error(int code, String message) {
        return json(code, "{\"success\": false, \"error\": \"" + message + "\", \"deprecated\": false}");
    }
}
