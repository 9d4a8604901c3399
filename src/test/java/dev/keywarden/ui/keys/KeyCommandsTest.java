package dev.keywarden.ui.keys;

import dev.keywarden.api.ServerException;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.model.ApiKey;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.ui.projects.ProjectsModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Toggling, creating and revoking keys: busy until answered, then exactly the server's answer. */
class KeyCommandsTest {
    private final ConsoleModels models = ConsoleModels.connected();
    private final KeyCommands commands = models.model.keyCommands();

    @Test
    void toggleIsBusyUntilTheServerAnswersAndThenShowsTheAnswer() {
        models.show("p1");
        KeyRow row = models.shownKey(1);

        commands.setValid(row, false);
        assertThat(row.isBusy()).isTrue();
        assertThat(row.requestedValidProperty().get()).isFalse();
        assertThat(row.key().valid()).as("nothing is shown as done before the server says so").isTrue();

        models.runner.finishAll();
        assertThat(row.isBusy()).isFalse();
        assertThat(row.key().valid()).isFalse();
        assertThat(models.api.key("p1", 1).valid()).isFalse();
        assertThat(models.project("p1").keys().countsText()).isEqualTo("1 / 3");
    }

    @Test
    void aSecondToggleWhileOneIsInFlightSendsNothing() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        commands.setValid(row, false);
        commands.setValid(row, false);
        commands.setValid(row, true);
        models.runner.finishAll();
        assertThat(models.api.toggleCalls()).isEqualTo(1);
    }

    @Test
    void aFailedToggleKeepsTheServersStateAndSaysWhy() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        models.api.failNext(new ServerException(500, "database unavailable", "PUT", "/v1/projects/p1/api-keys/1"));

        commands.setValid(row, false);
        models.runner.finishAll();

        assertThat(row.key().valid()).isTrue();
        assertThat(row.isBusy()).isFalse();
        assertThat(row.requestedValidProperty().get()).isNull();
        assertThat(models.problems).singleElement().asString()
                .contains("Could not deactivate", "database unavailable");
    }

    @Test
    void aToggleAnswerAfterTheUserMovedToAnotherProjectNeverLandsOnItsKeys() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        commands.setValid(row, false);

        models.model.projects().select(models.project("p2"));
        models.runner.finish(ProjectsModel.KEYS_TAG);
        models.runner.finishAll();

        assertThat(models.model.keys().rows()).extracting(KeyRow::id).containsExactly(4L);
        assertThat(models.shownKey(4).key().valid()).isTrue();
        assertThat(models.project("p1").keys().countsText()).as("the toggled project's counts follow the answer").isEqualTo("1 / 3");
    }

    @Test
    void aKeyListAskedForBeforeAToggleDoesNotUndoItWhenItArrivesAfter() {
        models.show("p1");
        KeyRow row = models.shownKey(1);

        models.model.keys().reload();
        commands.setValid(row, false);
        models.runner.finish(KeyCommands.SET_VALID_TAG);
        models.runner.finish(ProjectsModel.KEYS_TAG);
        models.runner.finishAll();

        assertThat(models.api.key("p1", 1).valid()).isFalse();
        assertThat(row.key().valid()).as("what the switch shows").isFalse();
        assertThat(models.project("p1").keys().countsText()).isEqualTo("1 / 3");
    }

    @Test
    void keyCountsAskedForBeforeAToggleDoNotUndoIt() {
        models.show("p2");
        models.model.refresh();
        models.runner.deliverProgress(ProjectsModel.LOAD_TAG, event -> event instanceof OrganisationLoader.ProjectsLoaded);
        assertThat(models.runner.tags()).as("the key counts are still on their way").contains(ProjectsModel.LOAD_TAG);
        models.model.projects().select(models.project("p1"));
        models.runner.finish(ProjectsModel.KEYS_TAG);
        KeyRow row = models.shownKey(1);
        commands.setValid(row, false);
        models.runner.finish(KeyCommands.SET_VALID_TAG);
        models.runner.finishAll();
        assertThat(models.project("p1").keys().countsText()).isEqualTo("1 / 3");
        assertThat(row.key().valid()).isFalse();
    }

    @Test
    void createdKeyIsShownMaskedAndItsRawValueGoesOnlyToTheCaller() {
        models.show("p2");
        List<String> raw = new ArrayList<>();
        commands.create(models.project("p2"), "CI pipeline").thenAccept(created -> raw.add(created.value()));
        models.runner.finishAll();
        assertThat(raw).singleElement().asString().startsWith("confident_us_proj_");
        KeyRow shown = models.model.keys().rows().get(models.model.keys().rows().size() - 1);
        assertThat(shown.key().value()).startsWith("***************").doesNotStartWith("confident");
        assertThat(models.project("p2").keys().keys()).allSatisfy(key -> assertThat(key.isMasked()).isTrue());
    }

    @Test
    void aKeyCreatedWhileAReloadIsInFlightIsListedOnce() {
        models.show("p2");
        commands.create(models.project("p2"), "CI");
        models.model.keys().reload();
        models.runner.finish(ProjectsModel.KEYS_TAG);
        models.runner.finish(KeyCommands.CREATE_TAG);
        models.runner.finishAll();
        assertThat(models.model.keys().rows()).extracting(KeyRow::id).doesNotHaveDuplicates().hasSize(2);
        assertThat(models.project("p2").keys().total()).isEqualTo(2);
    }

    @Test
    void revokedKeyLeavesTheTableAndTheCounts() {
        models.show("p1");
        commands.revoke(models.shownKey(3));
        models.runner.finishAll();
        assertThat(models.model.keys().rows()).extracting(KeyRow::id).containsExactly(1L, 2L);
        assertThat(models.project("p1").keys().countsText()).isEqualTo("2 / 2");
    }

    @Test
    void aKeyAlreadyGoneCountsAsRevoked() {
        models.show("p1");
        KeyRow row = models.shownKey(3);
        models.api.revokeApiKey("p1", 3);
        List<String> revoked = new ArrayList<>();
        commands.revoke(row).whenComplete((done, error) -> revoked.add(error == null ? "gone" : error.toString()));
        models.runner.finishAll();
        assertThat(revoked).containsExactly("gone");
        assertThat(models.problems).isEmpty();
        assertThat(models.model.keys().rows()).extracting(KeyRow::id).containsExactly(1L, 2L);
    }

    @Test
    void aChangeInFlightIsNotCancelledBySwitchingConnectionAndItsFailureIsStillReported() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        models.api.failNext(new ServerException(500, "database unavailable", "PUT", "/v1/projects/p1/api-keys/1"));
        commands.setValid(row, false);

        models.model.connect(new FakeConfidentApi().withProject("q1", "Other", true));
        models.runner.finishAll();

        assertThat(models.problems).singleElement().asString()
                .startsWith("On the connection you left: Could not deactivate").contains("database unavailable");
    }

    @Test
    void aToggleWhoseAnswerWasLostShowsUnknownThenWhatTheServerHas() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        models.api.failChangesOf(1, new ServerException(502, null, "PUT", "/v1/projects/p1/api-keys/1"), true, 1);

        commands.setValid(row, false);
        models.runner.finish(KeyCommands.SET_VALID_TAG);
        assertThat(row.isUnknown()).as("neither the old state nor the asked-for one is shown").isTrue();
        assertThat(models.runner.tags()).contains(KeyCommands.READ_AGAIN_TAG);

        models.runner.finishAll();
        assertThat(row.isUnknown()).isFalse();
        assertThat(row.key().valid()).as("what the server has").isFalse();
        assertThat(models.project("p1").keys().countsText()).isEqualTo("1 / 3");
        assertThat(models.problems).singleElement().asString()
                .contains("Could not deactivate").contains("the change was made although its answer was lost");
    }

    @Test
    void aToggleThatWasRefusedOutrightIsNotReadAgain() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        models.api.failNext(new dev.keywarden.api.ConflictException("Conflict", "PUT", "/v1/projects/p1/api-keys/1"));
        commands.setValid(row, false);
        models.runner.finish(KeyCommands.SET_VALID_TAG);
        assertThat(models.runner.tags()).doesNotContain(KeyCommands.READ_AGAIN_TAG);
        assertThat(row.isUnknown()).isFalse();
        assertThat(row.key().valid()).isTrue();
    }

    @Test
    void theHeaderFollowsEveryCallAFailedToggleMarksTheConnectionAndTheNextSuccessClearsIt() {
        models.show("p1");
        models.api.failNext(new dev.keywarden.api.UnauthorizedException("Invalid API key", "PUT", "/v1/projects/p1/api-keys/1"));
        commands.setValid(models.shownKey(1), false);
        models.runner.finishAll();
        assertThat(models.model.session().stateProperty().get())
                .isEqualTo(dev.keywarden.ui.connection.ConnectionSession.State.FAILED);
        assertThat(models.model.session().problemProperty().get()).contains("Invalid API key");

        commands.setValid(models.shownKey(2), false);
        models.runner.finishAll();
        assertThat(models.model.session().stateProperty().get())
                .isEqualTo(dev.keywarden.ui.connection.ConnectionSession.State.CONNECTED);
    }

    @Test
    void theStageOfAToggleHoldsTheServersAnswer() {
        models.show("p1");
        List<ApiKey> answers = new ArrayList<>();
        commands.setValid(models.shownKey(1), false).thenAccept(answers::add);
        models.runner.finishAll();
        assertThat(answers).singleElement().satisfies(key -> {
            assertThat(key.valid()).isFalse();
            assertThat(key.isMasked()).isTrue();
        });
    }
}
