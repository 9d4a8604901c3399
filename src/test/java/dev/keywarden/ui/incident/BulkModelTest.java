package dev.keywarden.ui.incident;

import dev.keywarden.api.ServerException;
import dev.keywarden.core.audit.AuditFilter;
import dev.keywarden.core.audit.AuditOutcome;
import dev.keywarden.core.bulk.BulkPlan;
import dev.keywarden.core.bulk.BulkResult;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.bulk.OwnKey;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.pacing.Parallelism;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.ui.common.UndoOffer;
import dev.keywarden.ui.connection.ConnectionSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

class BulkModelTest {
    @TempDir
    Path folder;

    private final ConsoleModels models = ConsoleModels.connected();
    private final Queue<Runnable> fx = new ConcurrentLinkedQueue<>();
    private final List<String> notices = new ArrayList<>();
    private final List<Runnable> undoButtons = new ArrayList<>();
    private IncidentAudit audit;
    private IncidentContext context;

    private void setUp(String ownKeySuffix) {
        models.api.withOrganizationKey("Admin key", true, "abc123");
        if (ownKeySuffix != null) {
            models.model.connect(models.api, ownKeySuffix);
            models.runner.finishAll();
        }
        audit = new IncidentAudit(models.model.session(), () -> "Demo", models.runner, Clock.systemUTC(),
                problem -> models.problems.add(problem.text()));
        audit.writeTo(folder);
        UndoOffer undo = new UndoOffer(Clock.systemUTC(), (text, button) -> {
            notices.add(text);
            undoButtons.add(button);
        });
        context = new IncidentContext(models.model.session(), models.runner, fx::add, audit,
                problem -> models.problems.add(problem.text()), new Notices(notices::add, undo), models.model.allKeys(),
                models.model.projects(), models.model.orgKeys());
        models.model.allKeys().load();
        models.runner.finishAll();
    }

    private List<KeyEntry> keys(long... ids) {
        List<KeyEntry> picked = new ArrayList<>();
        for (long id : ids) {
            picked.add(models.model.allKeys().entries().stream().filter(entry -> entry.key().id() == id).findFirst().orElseThrow());
        }
        return picked;
    }

    private BulkResult run(BulkModel bulk, String reason) {
        BulkResult[] result = new BulkResult[1];
        bulk.start(reason).thenAccept(done -> result[0] = done);
        drainFx();
        models.runner.finish(BulkModel.BULK_TAG);
        drainFx();
        return result[0];
    }

    private void drainFx() {
        for (Runnable next = fx.poll(); next != null; next = fx.poll()) {
            next.run();
        }
    }

    @Test
    void deactivatesThePlannedKeysRecordsThemRefreshesAndOffersUndo() throws Exception {
        setUp(null);
        BulkPlan plan = context.plan(KeyAction.DEACTIVATE, keys(1, 3, 4));
        assertThat(plan.count()).isEqualTo(2);
        assertThat(plan.alreadyDone()).extracting(entry -> entry.key().id()).containsExactly(3L);
        BulkModel bulk = new BulkModel(context, plan);

        BulkResult result = run(bulk, "leaked in a log");

        assertThat(result.succeeded()).hasSize(2);
        assertThat(bulk.results()).extracting(KeyResult::outcome).containsOnly(KeyResult.Outcome.DONE);
        assertThat(models.api.key("p1", 1).valid()).isFalse();
        assertThat(models.api.key("p2", 4).valid()).isFalse();
        assertThat(models.runner.tags()).contains(AllKeysModel.RELOAD_TAG, "project.keys");
        models.runner.finishAll();
        assertThat(models.project("p2").keys().active()).isZero();
        assertThat(notices).containsExactly("Deactivated 2 of 2 keys.");
        var entries = audit.trail().orElseThrow().read(AuditFilter.ALL).entries();
        assertThat(entries).extracting(entry -> entry.keyId() + " " + entry.action() + " " + entry.outcome() + " " + entry.reason())
                .containsExactlyInAnyOrder("1 DEACTIVATE SUCCESS leaked in a log", "4 DEACTIVATE SUCCESS leaked in a log");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.profile()).isEqualTo("Demo"));

        undoButtons.get(0).run();
        drainFx();
        models.runner.finish(BulkModel.BULK_TAG);
        drainFx();
        models.runner.finishAll();

        assertThat(models.api.key("p1", 1).valid()).isTrue();
        assertThat(models.api.key("p2", 4).valid()).isTrue();
        assertThat(models.api.key("p1", 3).valid()).isFalse();
        assertThat(notices).last().isEqualTo("Reactivated 2 of 2 keys.");
    }

    @Test
    void aFailedKeyIsReportedAndRetried() {
        setUp(null);
        models.api.failChangesOf(2, new ServerException(500, "database unavailable", "PUT", "/v1/projects/p1/api-keys/2"), false, 1);
        BulkModel bulk = new BulkModel(context, context.plan(KeyAction.DEACTIVATE, keys(1, 2)));

        BulkResult first = run(bulk, null);
        models.runner.finishAll();

        assertThat(first.failed()).extracting(key -> key.entry().key().id()).containsExactly(2L);
        assertThat(notices).containsExactly("Deactivated 1 of 2 keys. 1 failed.");
        bulk.planRetryOfFailed();
        assertThat(bulk.plan().toSend()).extracting(entry -> entry.key().id()).containsExactly(2L);

        BulkResult second = run(bulk, null);

        assertThat(second.allSucceeded()).isTrue();
        assertThat(models.api.key("p1", 2).valid()).isFalse();
    }

    @Test
    void aCancelSendsNothingMoreAndSaysWhatWasNotSent() {
        boolean[] active = new boolean[3 * Parallelism.DEFAULT];
        java.util.Arrays.fill(active, true);
        models.api.withProject("p3", "Many keys", active);
        setUp(null);
        BulkModel bulk = new BulkModel(context, context.plan(KeyAction.DEACTIVATE, models.model.allKeys().entries()));
        models.api.onChange(keyId -> {
            bulk.cancel();
            pause();
        });

        BulkResult result = run(bulk, null);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.notSent()).isNotEmpty();
        assertThat(result.succeeded().size()).isLessThanOrEqualTo(context.parallelism());
        assertThat(result.succeeded().size() + result.notSent().size()).isEqualTo(result.results().size());
        assertThat(notices.get(0)).contains("not sent (cancelled)");
    }

    /** Holds the changes in flight long enough for the run to be started and cancelled (no timing is asserted). */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRevocationNeedsTheWordOrTheCountAndCannotBeUndone() {
        setUp(null);
        BulkPlan plan = context.plan(KeyAction.REVOKE, keys(1, 4));

        assertThat(BulkModel.confirms(plan, "")).isFalse();
        assertThat(BulkModel.confirms(plan, "yes")).isFalse();
        assertThat(BulkModel.confirms(plan, "revoke")).isTrue();
        assertThat(BulkModel.confirms(plan, " 2 ")).isTrue();
        assertThat(BulkModel.confirms(context.plan(KeyAction.DEACTIVATE, keys(1)), "")).isTrue();

        run(new BulkModel(context, plan), null);

        assertThat(undoButtons).isEmpty();
        assertThat(notices).containsExactly("Revoked 2 of 2 keys. Revocation cannot be undone.");
    }

    @Test
    void deactivatingTheConnectionsOwnKeySaysSoInThePlanAndLocksOut() {
        setUp("abc123");
        BulkPlan plan = context.plan(KeyAction.DEACTIVATE, keys(5));
        assertThat(plan.ownKey()).isEqualTo(OwnKey.INCLUDED);
        assertThat(plan.inPlainWords()).anyMatch(line -> line.contains("organisation key this connection uses"));

        run(new BulkModel(context, plan), null);

        assertThat(models.model.session().stateProperty().get()).isEqualTo(ConnectionSession.State.FAILED);
        assertThat(models.model.session().problemProperty().get()).startsWith("Locked out");
    }

    @Test
    void aTrailThatCannotBeWrittenIsReportedAndTheChangeStillCounts() throws Exception {
        setUp(null);
        java.nio.file.Files.writeString(folder.resolve("blocker"), "x");
        audit.writeTo(folder.resolve("blocker"));

        run(new BulkModel(context, context.plan(KeyAction.DEACTIVATE, keys(1))), null);

        assertThat(models.api.key("p1", 1).valid()).isFalse();
        assertThat(models.problems).anySatisfy(text -> assertThat(text).contains("audit trail").endsWith("The change itself still counts."));
    }
}
