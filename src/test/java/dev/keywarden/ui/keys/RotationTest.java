package dev.keywarden.ui.keys;

import dev.keywarden.api.KeyWarning;
import dev.keywarden.api.ServerException;
import dev.keywarden.ui.connection.KeyLifecycleSupport;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyPatterns;
import dev.keywarden.core.rotate.LifecycleText;
import dev.keywarden.core.rotate.RotationResult;
import dev.keywarden.model.Rotation;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.testing.FakeDialogService;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.RowState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/** Rotate… without a window: the row busy until the server answers, the answer shown and recorded, the own key's update. */
class RotationTest {
    private static final Instant T0 = FakeConfidentApi.T0;
    private final ConsoleModels models = ConsoleModels.connectedWithKeyLifecycle();
    private final RotationCommands rotations = models.model.rotations();
    private final List<RotationResult> recorded = new ArrayList<>();

    RotationTest() {
        rotations.recordWith(new KeyChangeRecorder() {
            @Override
            public AuditContext context() {
                return new AuditContext("test", null, null);
            }

            @Override
            public void record(KeyResult result, AuditContext context, String reason) {
            }

            @Override
            public void created(KeyEntry key) {
            }

            @Override
            public String recordNow(dev.keywarden.core.bulk.BulkResult result, AuditContext context, String reason) {
                return null;
            }

            @Override
            public void report(String why, boolean changeMade) {
            }

            @Override
            public void rotated(RotationResult result, AuditContext context) {
                recorded.add(result);
            }
        });
    }

    @Test
    void theServerIsAskedOnceWhetherItOffersV2AndAServerWithoutItSaysNo() {
        assertThat(models.model.session().keyLifecycle().offeredProperty().get()).isTrue();

        ConsoleModels withoutV2 = ConsoleModels.connected();
        assertThat(withoutV2.model.session().keyLifecycle().offeredProperty().get()).isFalse();
        assertThat(withoutV2.model.session().keyLifecycle().absent().get()).isTrue();
    }

    @Test
    void aRotationWithGraceIsBusyUntilAnsweredThenShowsThePendingRotationAndIsRecorded() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        String oldSuffix = row.key().suffix();

        CompletionStage<RotationResult> sent = rotations.rotate(row, Rotation.withGrace(Duration.ofHours(1)));
        assertThat(row.state()).isEqualTo(RowState.ROTATING);
        assertThat(row.key().isRotationPending()).as("nothing shown before the server answers").isFalse();
        assertThat(rotations.rotate(row, Rotation.immediate())).as("refused while rotating")
                .isCompletedWithValue(null);
        assertThat(models.model.keyCommands().setValid(row, false)).as("no switch either").isCompletedWithValue(null);

        models.runner.finish(RotationCommands.ROTATE_TAG);

        RotationResult result = sent.toCompletableFuture().join();
        assertThat(result.outcome()).isEqualTo(RotationResult.Outcome.ROTATED);
        assertThat(KeyPatterns.whole(result.newValue())).as("a real-shaped new value").isNotNull();
        assertThat(models.api.lifecycle().rotateCalls()).isEqualTo(1);
        assertThat(row.state()).isEqualTo(RowState.IDLE);
        assertThat(row.key().suffix()).as("the old value still works").isEqualTo(oldSuffix);
        assertThat(row.key().rotatesAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(row.key().value()).doesNotContain(result.newValue());
        assertThat(LifecycleText.rotation(row.key(), models.clock.instant())).isEqualTo("rotating: old value stops in 1 h");
        models.moveTo(T0.plus(Duration.ofMinutes(40)));
        assertThat(LifecycleText.rotation(row.key(), models.clock.instant())).isEqualTo("rotating: old value stops in 20 min");
        assertThat(recorded).containsExactly(result);
        assertThat(result.auditEntry(new AuditContext("t", null, null), T0, null).toString()).doesNotContain(result.newValue());
    }

    @Test
    void theDrainWatchReadsTheKeyEachRoundSoLastUseShowsAndStopsOnceTheOldValueHasStopped() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        rotations.rotate(row, Rotation.withGrace(Duration.ofHours(1)));
        models.runner.finishAll();
        assertThat(models.model.drains().watched()).containsExactly(row.ref());
        assertThat(models.later.asked()).contains(DrainWatch.ROUND);

        Instant used = T0.plus(Duration.ofMinutes(10));
        models.api.setLastUsed(1, used);
        models.moveTo(T0.plus(Duration.ofMinutes(11)));
        long ticks = models.model.drains().ticksProperty().get();
        models.later.pass();
        models.runner.finish(DrainWatch.READ_TAG);
        assertThat(row.key().lastUsed()).as("a service still uses a value of the key").isEqualTo(used);
        assertThat(models.model.drains().ticksProperty().get()).as("the views redraw the countdown").isEqualTo(ticks + 1);
        assertThat(models.later.waiting()).isEqualTo(1);

        models.moveTo(T0.plus(Duration.ofHours(2)));
        models.later.pass();
        models.runner.finishAll();
        assertThat(models.model.drains().watched()).isEmpty();
        assertThat(models.later.waiting()).as("nothing more to watch").isZero();
        assertThat(LifecycleText.rotation(row.key(), models.clock.instant())).isIn(null, "rotating: old value stopped");
    }

    @Test
    void theConnectionsOwnKeyBeingDrainedIsToldUntilAnAnswerNoLongerSaysSo() {
        KeyWarning sunset = new KeyWarning(T0.plus(Duration.ofHours(1)), "This key was rotated");
        models.api.answerWithKeyWarning(sunset);
        assertThat(models.model.session().keyLifecycle().warningProperty().get()).isEqualTo(sunset);
        assertThat(KeyLifecycleSupport.warningText(sunset)).contains("stops at").contains("This key was rotated");

        models.api.answerWithKeyWarning(null);
        models.model.session().keyLifecycle().refreshWarning();
        assertThat(models.model.session().keyLifecycle().warningProperty().get()).isNull();
    }

    @Test
    void aKeyCreatedWithALifetimeShowsWhenItExpires() {
        CompletionStage<dev.keywarden.model.ApiKey> created = models.model.keyCommands().create(models.project("p2"), "CI deploy",
                dev.keywarden.model.KeyLifetime.days(30));
        models.runner.finish(KeyCommands.CREATE_TAG);

        dev.keywarden.model.ApiKey key = created.toCompletableFuture().join();
        assertThat(KeyPatterns.whole(key.value())).as("the raw value, to be shown once").isNotNull();
        KeyRow row = models.model.store().rows().stream().filter(r -> r.id() == key.id()).findFirst().orElseThrow();
        assertThat(row.key().isMasked()).isTrue();
        assertThat(row.key().expiresAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(LifecycleText.expires(row.key(), models.clock.instant())).isEqualTo("in 30 d");
    }

    @Test
    void aRowBusyWithAnotherChangeIsNotRotatedAndTheStatusBarSaysWhy() {
        models.show("p1");
        KeyRow row = models.shownKey(2);
        models.model.keyCommands().setValid(row, false);

        assertThat(rotations.rotate(row, Rotation.withGrace(Duration.ofHours(1)))).isCompletedWithValue(null);
        models.runner.finishAll();

        assertThat(models.api.lifecycle().rotateCalls()).isZero();
        assertThat(models.model.refusals().latest()).contains("is being deactivated");
    }

    @Test
    void aLostAnswerAfterTheRotationLandedSaysTheValueIsGoneAndShowsTheServersKey() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        models.api.failChangesOf(1, new ServerException(502, null, "POST", "/v2/projects/p1/api-keys/1/rotate"), true, 1);
        RotationActions actions = actions(new FakeDialogService(), new ArrayList<>());

        CompletionStage<RotationResult> sent = rotations.rotate(row, Rotation.immediate());
        models.runner.finishAll();
        RotationResult result = sent.toCompletableFuture().join();
        actions.shown(result, row, false);

        assertThat(result.outcome()).isEqualTo(RotationResult.Outcome.ROTATED_VALUE_LOST);
        assertThat(result.newValue()).isNull();
        assertThat(row.key().suffix()).as("the server's new value, masked").isEqualTo(models.api.key("p1", 1).suffix());
        assertThat(row.state()).isEqualTo(RowState.IDLE);
        assertThat(models.problems).anySatisfy(text -> assertThat(text).contains("cannot be shown again").contains("Rotate the key once more"));
    }

    @Test
    void aLostAnswerOfARotationThatDidNotLandIsNotKnownAndTheKeyIsReadAgainAfterTheDeadline() {
        models.show("p1");
        KeyRow row = models.shownKey(2);
        models.api.failChangesOf(2, new ServerException(502, null, "POST", "/v2/projects/p1/api-keys/2/rotate"), false, 1);

        CompletionStage<RotationResult> sent = rotations.rotate(row, Rotation.withGrace(Duration.ofHours(1)));
        models.runner.finishAll();
        RotationResult result = sent.toCompletableFuture().join();

        assertThat(result.outcome()).isEqualTo(RotationResult.Outcome.UNKNOWN);
        assertThat(result.message()).startsWith("Not known whether it was rotated");
        assertThat(row.state()).isEqualTo(RowState.MAY_BE_OUT_OF_DATE);
        assertThat(models.later.asked()).contains(models.model.session().deadline());
        models.later.pass();
        assertThat(models.runner.tags()).contains(RotationCommands.READ_LATER_TAG);
        models.runner.finishAll();
        assertThat(row.key().isRotationPending()).as("the server's truth: not rotated").isFalse();
        assertThat(row.state()).as("settled: no longer 'may be out of date'").isEqualTo(RowState.IDLE);
        assertThat(recorded).as("the audit entry that settles the unknown one, as for a switch")
                .extracting(RotationResult::outcome).containsExactly(RotationResult.Outcome.UNKNOWN, RotationResult.Outcome.FAILED);
        assertThat(recorded.get(1).message()).contains("did not land");
    }

    @Test
    void aRotationTheServerRefusesChangesNothingAndIsRecordedAsFailed() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        rotations.rotate(row, Rotation.withGrace(Duration.ofHours(1)));
        models.runner.finishAll();

        CompletionStage<RotationResult> again = rotations.rotate(row, Rotation.immediate());
        models.runner.finishAll();

        RotationResult result = again.toCompletableFuture().join();
        assertThat(result.outcome()).isEqualTo(RotationResult.Outcome.FAILED);
        assertThat(result.message()).startsWith("Not rotated");
        assertThat(row.state()).isEqualTo(RowState.IDLE);
        assertThat(row.key().rotatesAt()).as("the first rotation stands").isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(recorded).extracting(RotationResult::outcome)
                .containsExactly(RotationResult.Outcome.ROTATED, RotationResult.Outcome.FAILED);
    }

    @Test
    void rotatingTheConnectionsOwnKeyOffersToSaveTheNewValueInTheConnection() {
        models.api.withOrganizationKey("Console", true, "abc123");
        models.model.connect(models.api, "abc123");
        models.runner.finishAll();
        KeyRow own = models.model.connectionKey().keyInUse().row();
        assertThat(own).isNotNull();
        FakeDialogService dialogs = new FakeDialogService().answer(RotationActions.UPDATE_OWN_KEY_DIALOG, true);
        List<String> notices = new ArrayList<>();
        RotationActions actions = actions(dialogs, notices);
        List<String> saved = new ArrayList<>();
        actions.updateOwnKeyWith(new OwnKeyUpdate() {
            @Override
            public String cannotUpdate() {
                return null;
            }

            @Override
            public CompletionStage<String> update(String newValue) {
                saved.add(newValue);
                return CompletableFuture.completedFuture("Saved and checked.");
            }
        });

        CompletionStage<RotationResult> sent = rotations.rotate(own, Rotation.withGrace(Duration.ofHours(24)));
        models.runner.finishAll();
        RotationResult result = sent.toCompletableFuture().join();
        actions.shown(result, own, models.model.connectionKey().mayBe(own));

        assertThat(dialogs.secretsShown).containsExactly(result.newValue());
        assertThat(dialogs.asked).anySatisfy(asked -> assertThat(asked).startsWith(RotationActions.UPDATE_OWN_KEY_DIALOG));
        assertThat(saved).containsExactly(result.newValue());
        assertThat(notices).contains("Saved and checked.");
    }

    @Test
    void aKeyThatIsNotTheConnectionsOwnIsNotOfferedTheUpdate() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        FakeDialogService dialogs = new FakeDialogService().answer(RotationActions.UPDATE_OWN_KEY_DIALOG, true);
        RotationActions actions = actions(dialogs, new ArrayList<>());

        CompletionStage<RotationResult> sent = rotations.rotate(row, Rotation.immediate());
        models.runner.finishAll();
        actions.shown(sent.toCompletableFuture().join(), row, models.model.connectionKey().mayBe(row));

        assertThat(dialogs.secretsShown).hasSize(1);
        assertThat(dialogs.asked).noneSatisfy(asked -> assertThat(asked).startsWith(RotationActions.UPDATE_OWN_KEY_DIALOG));
    }

    @Test
    void theRotateModelPlansAndRefusesAsTheServerWould() {
        models.show("p1");
        KeyRow row = models.shownKey(1);
        RotateKeyModel model = new RotateKeyModel(row, models.clock);

        assertThat(model.rotation()).isEqualTo(Rotation.withGrace(Duration.ofHours(24)));
        assertThat(model.planProperty().get()).contains("keeps working for 24 h");
        model.graceProperty().set(RotateKeyModel.Grace.CUSTOM);
        model.customGraceProperty().set("5 minutes");
        assertThat(model.rotation()).isNull();
        assertThat(model.problemProperty().get()).contains("whole number of hours");
        model.graceProperty().set(RotateKeyModel.Grace.NONE);
        assertThat(model.planProperty().get()).contains("stops working at once");
        assertThat(model.problemProperty().get()).isNull();

        models.api.lifecycle().setExpiresAt(1, T0.minusSeconds(60));
        models.model.keys().reload();
        models.runner.finishAll();
        assertThat(row.key().expiresAt()).isNotNull();
        model.lifetimeProperty().set(RotateKeyModel.Lifetime.KEEP);
        assertThat(model.rotation()).as("an expired key needs a new lifetime").isNull();
        assertThat(model.problemProperty().get()).contains("has expired");
        assertThat(new RotateKeyModel(row, models.clock, true).planProperty().get()).contains("This connection uses this key: it stops working at once");
        assertThat(new RotateKeyModel(row, models.clock).rotation()).as("what the dialog starts with for an expired key")
                .isEqualTo(Rotation.immediate().withLifetime(dev.keywarden.model.KeyLifetime.days(90)));
    }

    private RotationActions actions(FakeDialogService dialogs, List<String> notices) {
        return new RotationActions(models.model.session(), rotations, models.model.connectionKey(), dialogs,
                new Notices(notices::add), models.model.problems(), models.clock);
    }
}
