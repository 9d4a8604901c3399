package dev.keywarden.api;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.keywarden.api.NoSecrets.failure;
import static dev.keywarden.api.TestApis.ORG_KEY;
import static dev.keywarden.api.TestApis.error;
import static dev.keywarden.api.TestApis.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * During a rotation's grace period, answers to calls made with the outgoing value carry {@code Sunset} and
 * {@code X-Api-Key-Warning}: the gateway hands them to its callers, on any endpoint, v1 included.
 */
class KeyWarningTest {
    private static final Instant SUNSET = Instant.parse("2025-01-02T12:00:00Z");

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final List<KeyWarning> heard = new CopyOnWriteArrayList<>();
    private HttpConfidentApi api;

    @BeforeEach
    void openApi() {
        api = TestApis.api(server, new RecordingSleeper());
        api.addKeyWarningListener(heard::add);
    }

    @AfterEach
    void closeApi() {
        api.close();
    }

    @Test
    void anAnswerWithSunsetIsSurfacedUntilAnAnswerWithoutIt() {
        server.enqueue(warned(fixture("organization.json"), "Thu, 02 Jan 2025 12:00:00 GMT",
                "This API key was rotated and stops working at 2025-01-02T12:00:00.000Z. Switch to its new value."));
        server.enqueue(fixture("organization.json"));

        api.organization();

        KeyWarning warning = api.keyWarning().orElseThrow();
        assertThat(warning.sunset()).isEqualTo(SUNSET);
        assertThat(warning.message()).isEqualTo(
                "This API key was rotated and stops working at 2025-01-02T12:00:00.000Z. Switch to its new value.");
        assertThat(heard).containsExactly(warning);

        api.organization();

        assertThat(api.keyWarning()).as("the next answer carried none").isEmpty();
        assertThat(heard).hasSize(1);
    }

    @Test
    void anIsoSunsetAndAWarningAloneAreReadToo() {
        server.enqueue(warned(fixture("projects.json"), "2025-01-02T12:00:00.000Z", null));
        api.listProjects();
        assertThat(api.keyWarning()).hasValue(new KeyWarning(SUNSET, null));

        server.enqueue(warned(fixture("projects.json"), "next Tuesday", "Rotating"));
        api.listProjects();
        assertThat(api.keyWarning()).hasValue(new KeyWarning(null, "Rotating"));
    }

    @Test
    void aFailureCarriesItsHeadersToo() {
        server.enqueue(warned(error(404, "Project not found"), "Thu, 02 Jan 2025 12:00:00 GMT", "Rotating"));

        failure(NotFoundException.class, () -> api.getProject("gone"));

        assertThat(api.keyWarning()).map(KeyWarning::sunset).hasValue(SUNSET);
    }

    @Test
    void theWarningNeverHoldsAKeyOrControlCharacters() {
        String newValue = "confident_us_org_GY/y1uM8P7YrVynhvnaU/u2iblu+kI7wPLfGTz9kJ64=";
        server.enqueue(warned(fixture("organization.json"), null,
                "Old " + ORG_KEY + " stops;\tuse " + newValue + " now" + "\u0007" + "x".repeat(400)));

        api.organization();

        String message = api.keyWarning().orElseThrow().message();
        assertThat(message).doesNotContain(ORG_KEY).doesNotContain("GY/y1uM8").doesNotContain("\u0007").doesNotContain("\t")
                .startsWith("Old [redacted] stops; use [key removed] now x");
        assertThat(message).hasSize(KeyWarnings.MAX_MESSAGE + 1).endsWith("…");
    }

    private static MockResponse warned(MockResponse answer, String sunset, String warning) {
        MockResponse.Builder builder = answer.newBuilder();
        if (sunset != null) {
            builder.addHeader(KeyWarnings.SUNSET, sunset);
        }
        if (warning != null) {
            builder.addHeaderLenient(KeyWarnings.WARNING, warning);
        }
        return builder.build();
    }
}
