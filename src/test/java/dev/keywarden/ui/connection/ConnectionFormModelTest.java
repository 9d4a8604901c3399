package dev.keywarden.ui.connection;

import dev.keywarden.api.OrgKey;
import dev.keywarden.api.Region;
import dev.keywarden.api.UnauthorizedException;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.ConnectionTester;
import dev.keywarden.core.FakeOrganizationApi;
import dev.keywarden.core.Profile;
import dev.keywarden.core.RunningTask;
import dev.keywarden.testing.SameThreadTaskRunner;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.ui.connection.ConnectionFormModel.TestState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The form's rules and the test call, without a JavaFX toolkit. */
class ConnectionFormModelTest {
    private static final String RAW_KEY = "confident_us_org_0123456789abcdef";
    private static final ConnectionTester ACME = (url, key) -> FakeOrganizationApi.organization("Acme", "PREMIUM");

    @Test
    void newProfileNeedsAUniqueNameAndAKey() {
        ConnectionFormModel model = newModel(Set.of("Prod"), ACME, new SameThreadTaskRunner());
        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.nameErrorProperty().get()).isEqualTo("Enter a name.");

        model.nameProperty().set(" prod ");
        assertThat(model.nameErrorProperty().get()).contains("Another connection");

        model.nameProperty().set("Staging");
        assertThat(model.nameErrorProperty().get()).isEmpty();
        assertThat(model.orgKeyErrorProperty().get()).isNotEmpty();
        assertThat(model.validProperty().get()).isFalse();

        model.orgKeyProperty().set(RAW_KEY);
        assertThat(model.validProperty().get()).isTrue();
        ConnectionDialog.Result result = model.toResult();
        assertThat(result.profile()).isEqualTo(Profile.ofRegion("Staging", Region.US, "", Profile.DEFAULT_COLOUR));
        assertThat(result.orgKeyOrNull()).isEqualTo(OrgKey.of(RAW_KEY));
    }

    @Test
    void theDeadlineIsSetPerConnectionAndKeptWhenEditing() {
        ConnectionFormModel model = newModel(Set.of(), ACME, new SameThreadTaskRunner());
        model.nameProperty().set("Slow link");
        model.orgKeyProperty().set(RAW_KEY);
        assertThat(model.deadlineSecondsProperty().get()).isEqualTo(String.valueOf(Profile.DEFAULT_DEADLINE_SECONDS));
        model.deadlineSecondsProperty().set("0");
        assertThat(model.deadlineErrorProperty().get()).contains("1 to 600");
        assertThat(model.validProperty().get()).isFalse();
        model.deadlineSecondsProperty().set(" 40 ");
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.toResult().profile().deadlineSeconds()).isEqualTo(40);

        Profile existing = Profile.ofRegion("Prod", Region.EU, "PROD", "#c0392b").withDeadlineSeconds(25);
        ConnectionFormModel editing = new ConnectionFormModel(existing, Set.of(), ACME, name -> Optional.empty(),
                new SameThreadTaskRunner());
        assertThat(editing.toResult().profile().deadlineSeconds()).isEqualTo(25);
    }

    @Test
    void customModeNeedsAUrl() {
        ConnectionFormModel model = newModel(Set.of(), ACME, new SameThreadTaskRunner());
        model.nameProperty().set("Self-hosted");
        model.orgKeyProperty().set(RAW_KEY);
        assertThat(model.validProperty().get()).isTrue();

        model.useCustomUrlProperty().set(true);

        assertThat(model.customUrlErrorProperty().get()).contains("base URL");
        assertThat(model.validProperty().get()).isFalse();
    }

    @Test
    void editingKeepsTheSavedKeyWhenTheFieldIsLeftEmpty() {
        Profile existing = Profile.ofRegion("Prod", Region.EU, "PROD", "#c0392b");
        ConnectionFormModel model = new ConnectionFormModel(existing, Set.of("Other"), ACME, name -> Optional.empty(),
                new SameThreadTaskRunner());

        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.toResult()).isEqualTo(new ConnectionDialog.Result(existing, null));
    }

    @Test
    void testingAnEditedProfileUsesTheSavedKey() {
        Profile existing = Profile.ofRegion("Prod", Region.EU, "PROD", "#c0392b");
        AtomicReference<String> usedUrl = new AtomicReference<>();
        AtomicReference<OrgKey> usedKey = new AtomicReference<>();
        ConnectionTester recording = (url, key) -> {
            usedUrl.set(url);
            usedKey.set(key);
            return FakeOrganizationApi.organization("Acme", "PREMIUM");
        };
        ConnectionFormModel model = new ConnectionFormModel(existing, Set.of(), recording,
                name -> name.equals("Prod") ? Optional.of(OrgKey.of(RAW_KEY)) : Optional.empty(), new SameThreadTaskRunner());

        model.testConnection();

        assertThat(usedUrl.get()).isEqualTo("https://eu.api.confident-ai.com");
        assertThat(usedKey.get()).isEqualTo(OrgKey.of(RAW_KEY));
        assertThat(model.testStateProperty().get()).isEqualTo(TestState.SUCCEEDED);
        assertThat(model.testMessageProperty().get()).isEqualTo("Connected to Acme (PREMIUM)");
    }

    @Test
    void aRefusedKeyIsExplainedInPlainWords() {
        ConnectionTester refusing = (url, key) -> {
            throw new UnauthorizedException("Invalid API key", "GET", "/v1/organization");
        };
        ConnectionFormModel model = newModel(Set.of(), refusing, new SameThreadTaskRunner());
        model.orgKeyProperty().set(RAW_KEY);

        model.testConnection();

        assertThat(model.testStateProperty().get()).isEqualTo(TestState.FAILED);
        assertThat(model.testMessageProperty().get()).contains("refused").contains("Invalid API key").doesNotContain(RAW_KEY);
    }

    @Test
    void testingWithoutAKeySaysSo() {
        ConnectionFormModel model = newModel(Set.of(), ACME, new SameThreadTaskRunner());

        model.testConnection();

        assertThat(model.testStateProperty().get()).isEqualTo(TestState.FAILED);
        assertThat(model.testMessageProperty().get()).isEqualTo("Enter the organisation API key first.");
    }

    @Test
    void aResultArrivingAfterAnEditIsDropped() throws Exception {
        HeldTaskRunner runner = new HeldTaskRunner();
        ConnectionFormModel model = newModel(Set.of(), ACME, runner);
        model.orgKeyProperty().set(RAW_KEY);
        model.testConnection();
        assertThat(model.testStateProperty().get()).isEqualTo(TestState.RUNNING);

        model.nameProperty().set("Edited meanwhile");
        runner.completeAll();

        assertThat(model.testStateProperty().get()).isEqualTo(TestState.IDLE);
        assertThat(model.testMessageProperty().get()).isEmpty();
        assertThat(runner.cancelled).isTrue();
    }

    @Test
    void aResultArrivingAfterCloseIsDropped() throws Exception {
        HeldTaskRunner runner = new HeldTaskRunner();
        ConnectionFormModel model = newModel(Set.of(), ACME, runner);
        model.orgKeyProperty().set(RAW_KEY);
        model.testConnection();

        model.dispose();
        runner.completeAll();

        assertThat(model.testMessageProperty().get()).isEmpty();
    }

    private static ConnectionFormModel newModel(Set<String> others, ConnectionTester tester, TaskRunner runner) {
        return new ConnectionFormModel(null, others, tester, name -> Optional.empty(), runner);
    }

    /** Holds calls until the test completes them, as a slow network would; ignores cancel so late results can be seen arriving. */
    private static final class HeldTaskRunner implements TaskRunner {
        private final List<BackgroundCall<?>> held = new ArrayList<>();
        boolean cancelled;

        @Override
        public <T> RunningTask run(BackgroundCall<T> call) {
            held.add(call);
            return () -> cancelled = true;
        }

        void completeAll() throws Exception {
            for (BackgroundCall<?> call : held) {
                complete(call);
            }
        }

        private static <T> void complete(BackgroundCall<T> call) throws Exception {
            call.succeeded(call.call());
        }
    }
}
