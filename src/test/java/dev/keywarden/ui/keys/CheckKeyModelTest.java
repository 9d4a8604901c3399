package dev.keywarden.ui.keys;

import dev.keywarden.core.check.KeyVerdict;
import dev.keywarden.core.check.KeyVerdict.Verdict;
import dev.keywarden.model.Project;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;
import dev.keywarden.testing.ManualTaskRunner;
import dev.keywarden.testing.SameThreadTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's Check a key, without its window: the same verdicts and words as {@code check-key}. */
class CheckKeyModelTest {
    private static final String BODY = "qOkbX3vT9/Lw2Zr8mQeP0aN5cJd7yH1GsBFk4+ok160=";

    private SandboxServer sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withSeed(7L));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private CheckKeyModel model(SandboxServer server) {
        return new CheckKeyModel(server.baseUrl(), new SameThreadTaskRunner(), server.store().projects());
    }

    private static KeyVerdict check(CheckKeyModel model, String key) {
        model.keyProperty().set(key);
        model.check();
        assertThat(model.checkingProperty().get()).isFalse();
        assertThat(model.problemProperty().get()).isNull();
        return model.verdictProperty().get();
    }

    /** Fails on the old dialog for the shapes without a 2-letter region: it sent them to /v1/datasets and said "Refused". */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"confident_us_org_", "confident_org_", "confident_apac_org_"})
    void anActiveOrganisationKeyOfEveryPrefixIsAccepted(String prefix) throws IOException {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withOrgKey(prefix + BODY))) {
            KeyVerdict verdict = check(model(server), prefix + BODY);
            assertThat(verdict.verdict()).isEqualTo(Verdict.ACCEPTED);
            assertThat(verdict.words()).isEqualTo("Checked as an organisation key with GET /v1/organization. "
                    + "Accepted (200): this key still works. Deactivate or revoke it.");
        }
    }

    /** Fails on the old dialog, which said "Not refused (HTTP 503): the key passed authentication". */
    @Test
    void aServerAnswering503IsInconclusive() {
        sandbox.failNext("GET", "/v1/organization", 503, "maintenance", 1);
        KeyVerdict verdict = check(model(sandbox), sandbox.orgKey());
        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.sentence()).isEqualTo("Inconclusive: GET /v1/organization answered 503 instead of judging the key; "
                + "try again later.");
    }

    @Test
    void aDeactivatedProjectKeyIsRefused() {
        Project project = sandbox.store().projects().get(0);
        long keyId = sandbox.store().keys(project.id()).stream().filter(key -> !key.valid()).findFirst()
                .or(() -> sandbox.store().projects().stream().flatMap(p -> sandbox.store().keys(p.id()).stream())
                        .filter(key -> !key.valid()).findFirst()).orElseThrow().id();
        KeyVerdict verdict = check(model(sandbox), sandbox.store().rawValue(keyId));
        assertThat(verdict.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(verdict.words()).isEqualTo("Checked as a project key with GET /v1/datasets. "
                + "Refused (401): the server no longer accepts this project key.");
    }

    @Test
    void aGlobalKeyIsCheckedAgainstThePickedProject() {
        CheckKeyModel model = model(sandbox);
        KeyVerdict unpicked = check(model, "confident_us_global_" + BODY);
        assertThat(unpicked.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(unpicked.answers()).as("nothing sent").isEmpty();

        Project project = model.projects().get(0);
        model.projectProperty().set(project);
        assertThat(model.verdictProperty().get()).as("another project: the old verdict is dropped").isNull();
        model.check();
        KeyVerdict picked = model.verdictProperty().get();
        assertThat(picked.how()).isEqualTo("Checked as a global key with GET /v1/datasets for project " + project.id() + ".");
        assertThat(picked.verdict()).as("the sandbox has no global keys").isEqualTo(Verdict.REFUSED);
    }

    @Test
    void aVerdictForAKeyThatWasEditedSinceIsDropped() {
        ManualTaskRunner runner = new ManualTaskRunner();
        CheckKeyModel model = new CheckKeyModel(sandbox.baseUrl(), runner, List.of());
        model.keyProperty().set(sandbox.orgKey());
        model.check();
        assertThat(model.checkingProperty().get()).isTrue();
        model.keyProperty().set("confident_us_proj_" + BODY);
        runner.finish(CheckKeyModel.CHECK_TAG);
        assertThat(model.verdictProperty().get()).isNull();
        assertThat(model.checkingProperty().get()).isFalse();

        model.forget();
        assertThat(model.keyProperty().get()).isEmpty();
    }
}
