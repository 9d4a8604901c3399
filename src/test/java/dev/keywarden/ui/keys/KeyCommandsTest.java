package dev.keywarden.ui.keys;

import dev.keywarden.api.ServerException;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.ui.projects.ProjectsModel;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.RowState;
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
        assertThat(row.state()).isEqualTo(RowState.changing(false));
        assertThat(row.key().valid()).as("nothing is shown as done before the server says so").isTrue();

        models.runner.finishAll();
        assertThat(row.state()).isEqualTo(RowState.IDLE);
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
        assertThat(row.state()).as("a 500 after sending: the change may still land").isEqualTo(RowState.MAY_BE_OUT_OF_DATE);
        assertThat(models.problems).singleElement().asString()
                .startsWith("Key \u201ckey 1\u201d (\u2026001001): Not deactivated yet").contains("database unavailable");
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
        assertThat(row.key().valid()).as("the row, in the store, follows the answer").isFalse();
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
        assertThat(models.model.store().rows()).allSatisfy(row -> assertThat(row.key().isMasked()).isTrue());
        assertThat(models.project("p2").keys().countsText()).isEqualTo("2 / 2");
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
                .startsWith("On the connection you left: Key \u201ckey 1\u201d (\u2026001001): Not deactivated").contains("database unavailable");
    }

    @Test
    void aToggleWhoseAnswerWasLostShowsUnknownThenWhatTheServerHas() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        models.api.failChangesOf(1, new ServerException(502, null, "PUT", "/v1/projects/p1/api-keys/1"), true, 1);

        commands.setValid(row, false);
        models.runner.finish(KeyCommands.SET_VALID_TAG);
        assertThat(row.state()).as("neither the old state nor the asked-for one is shown").isEqualTo(RowState.UNKNOWN);
        assertThat(models.runner.tags()).contains(KeyCommands.READ_AGAIN_TAG);

        models.runner.finishAll();
        assertThat(row.state()).isEqualTo(RowState.IDLE);
        assertThat(row.key().valid()).as("what the server has").isFalse();
        assertThat(models.project("p1").keys().countsText()).isEqualTo("1 / 3");
        assertThat(models.problems).singleElement().asString()
                .isEqualTo("Key \u201ckey 1\u201d (\u2026001001): Deactivated, although the answer was lost: reading the key again shows the change.");
    }

    @Test
    void aToggleThatWasRefusedOutrightIsNotReadAgain() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        models.api.failNext(new dev.keywarden.api.ConflictException("Conflict", "PUT", "/v1/projects/p1/api-keys/1"));
        commands.setValid(row, false);
        models.runner.finish(KeyCommands.SET_VALID_TAG);
        assertThat(models.runner.tags()).doesNotContain(KeyCommands.READ_AGAIN_TAG);
        assertThat(row.state()).isEqualTo(RowState.IDLE);
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
    void theStageOfAToggleHoldsItsResultWithTheServersAnswer() {
        models.show("p1");
        List<KeyResult> results = new ArrayList<>();
        commands.setValid(models.shownKey(1), false).thenAccept(results::add);
        models.runner.finishAll();
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(KeyResult.Outcome.DONE);
            assertThat(result.message()).isEqualTo("Deactivated.");
            assertThat(result.after().valid()).isFalse();
            assertThat(result.after().isMasked()).isTrue();
        });
    }

    @Test
    void aLostAnswerThatStillShowsTheOldStateIsReadAgainAfterTheDeadlineAndThatSettlesIt() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        models.api.failChangesOf(1, new ServerException(504, null, "PUT", "/v1/projects/p1/api-keys/1"), false, 1);

        commands.setValid(row, false);
        models.runner.finishAll();
        assertThat(row.state()).isEqualTo(RowState.MAY_BE_OUT_OF_DATE);
        assertThat(models.problems).last().asString().contains("Not deactivated yet", "it is read again after the deadline");
        assertThat(models.later.waiting()).isEqualTo(1);
        assertThat(models.later.asked()).containsExactly(models.model.session().deadline());

        models.api.setApiKeyValid("p1", 1, false);
        models.later.pass();
        assertThat(models.runner.tags()).containsExactly(KeySettling.SETTLE_TAG);
        models.runner.finishAll();

        assertThat(row.key().valid()).as("it landed late").isFalse();
        assertThat(row.state()).isEqualTo(RowState.IDLE);
        assertThat(models.problems).last().asString().isEqualTo("Key \u201ckey 1\u201d (\u2026001001): Deactivated: reading the key "
                + "again after the deadline shows the change, which landed although its answer was lost.");
    }

    @Test
    void everyActionIsRefusedWhileSomethingIsUnderWayForTheRow() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        commands.setValid(row, false);

        assertThat(commands.revoke(row).toCompletableFuture().join()).isNull();
        assertThat(commands.setValid(row, true).toCompletableFuture().join()).isNull();
        assertThat(models.model.refusals().latest()).isEqualTo("Key \u201ckey 1\u201d (\u2026001001) is being deactivated: "
                + "wait for the server's answer.");
        models.runner.finishAll();
        assertThat(models.api.toggleCalls()).isEqualTo(1);
        assertThat(models.api.key("p1", 1).valid()).isFalse();
    }

    /** Seen with a server slower than the deadline: the answer and the read both lost, and the change landed meanwhile. */
    @Test
    void whenTheServerIsSlowerThanTheDeadlineTheRowIsNotLeftUnknownAndTheLaterReadSaysWhatHappened() {
        List<dev.keywarden.ui.common.Problem> told = new ArrayList<>();
        models.model.setProblemSink(told::add);
        models.show("p1");
        KeyRow row = models.shownKey(1);
        models.api.failChangesOf(1, new ServerException(504, null, "PUT", "/v1/projects/p1/api-keys/1"), true, 1);
        commands.setValid(row, false);
        models.api.failNext(new ServerException(504, null, "GET", "/v1/projects/p1/api-keys/1"));
        models.runner.finishAll();

        assertThat(row.state()).as("not stuck on unknown").isEqualTo(RowState.MAY_BE_OUT_OF_DATE);
        assertThat(told).singleElement().satisfies(problem -> {
            assertThat(problem.text()).contains("Not known whether it was deactivated").doesNotContain("Could not deactivate");
            assertThat(problem.topic()).isEqualTo("p1:1");
        });

        models.later.pass();
        models.runner.finishAll();

        assertThat(row.state()).isEqualTo(RowState.IDLE);
        assertThat(row.key().valid()).isFalse();
        assertThat(told).last().satisfies(problem -> {
            assertThat(problem.text()).contains("Deactivated: reading the key again after the deadline shows the change");
            assertThat(problem.topic()).as("it takes the place of what was said before").isEqualTo("p1:1");
            assertThat(problem.failedChange()).isFalse();
        });
    }
}
