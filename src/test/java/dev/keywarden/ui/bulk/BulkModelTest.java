package dev.keywarden.ui.bulk;

import dev.keywarden.api.ServerException;
import dev.keywarden.core.audit.AuditFilter;
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
import dev.keywarden.ui.incident.IncidentAudit;
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
    private final List<String> warnings = new ArrayList<>();
    private final List<Runnable> undoButtons = new ArrayList<>();
    private IncidentAudit audit;
    private BulkContext context;

    private void setUp(String ownKeySuffix) {
        models.api.withOrganizationKey("Admin key", true, "abc123");
        if (ownKeySuffix != null) {
            models.model.connect(models.api, ownKeySuffix);
            models.runner.finishAll();
        }
        models.model.setProfileName(() -> "Demo");
        audit = models.model.audit();
        audit.writeTo(folder);
        UndoOffer undo = new UndoOffer(Clock.systemUTC(), (text, button) -> {
            notices.add(text);
            undoButtons.add(button);
        });
        // Partial results are said as warnings (issue 16: they were in the colour of a success).
        context = models.model.incident(new Notices(notices::add, text -> {
            notices.add(text);
            warnings.add(text);
        }, undo, warnings::add), fx::add);
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

    /** Runs the plan, delivers its result, and closes its dialog (when Undo is offered). */
    private BulkResult run(BulkModel bulk, String reason) {
        BulkResult[] result = new BulkResult[1];
        bulk.start(reason).thenAccept(done -> result[0] = done);
        drainFx();
        models.runner.finish(BulkModel.BULK_TAG);
        drainFx();
        bulk.resultSeen();
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
        assertThat(models.runner.tags()).as("the results are shown; nothing is read again").isEmpty();
        assertThat(models.project("p2").keys().active()).isZero();
        assertThat(models.model.store().rows()).filteredOn(row -> row.id() == 1 || row.id() == 4)
                .allSatisfy(row -> assertThat(row.key().valid()).isFalse()).allSatisfy(row -> assertThat(row.isIdle()).isTrue());
        assertThat(notices).containsExactly("Deactivated 2 of 2 keys.");
        assertThat(warnings).as("all went well: no warning").isEmpty();
        var entries = audit.trail().orElseThrow().read(AuditFilter.ALL).entries();
        assertThat(entries).extracting(entry -> entry.keyId() + " " + entry.action() + " " + entry.outcome() + " " + entry.reason())
                .containsExactlyInAnyOrder("1 DEACTIVATE SUCCESS leaked in a log", "4 DEACTIVATE SUCCESS leaked in a log");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.profile()).isEqualTo("Demo"));

        undoButtons.get(0).run();
        drainFx();
        models.runner.finish(BulkModel.BULK_TAG);
        drainFx();

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
        assertThat(notices).containsExactly("Deactivated 1 of 2 keys. 1 not known yet: read again after the deadline.");
        assertThat(warnings).as("a partial result is a warning, Undo still offered").containsExactly(notices.get(0));
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
            // Each change sent waits until the run knows it is cancelled: then nothing more is taken.
            long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (!bulk.isCancelling() && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        });

        BulkResult result = run(bulk, null);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.notSent()).isNotEmpty();
        assertThat(result.succeeded().size()).isLessThanOrEqualTo(context.parallelism());
        assertThat(result.succeeded().size() + result.notSent().size()).isEqualTo(result.results().size());
        assertThat(notices.get(0)).contains("not sent (cancelled)");
        assertThat(models.model.store().rows()).allSatisfy(row -> assertThat(row.isIdle()).isTrue());
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
    void theConnectionsOwnKeyIsLeftOutUnlessConfirmedAndThenGoesLastAndLocksOut() {
        setUp("abc123");
        BulkPlan plan = context.plan(KeyAction.DEACTIVATE, keys(5, 1));
        assertThat(plan.ownKey()).isEqualTo(OwnKey.INCLUDED);
        assertThat(plan.toSend()).extracting(entry -> entry.key().id()).as("own key last").containsExactly(1L, 5L);
        assertThat(plan.inPlainWords()).anyMatch(line -> line.contains("organisation key this connection uses"));
        assertThat(BulkModel.asksAboutOwnKey(plan)).isTrue();
        assertThat(BulkModel.confirmsOwnKey("lock out")).isTrue();
        assertThat(BulkModel.confirmsOwnKey("yes")).isFalse();

        BulkResult without = run(new BulkModel(context, plan), null);

        assertThat(without.results()).extracting(key -> key.entry().key().id()).containsExactly(1L);
        assertThat(without.plan().leftOut()).extracting(entry -> entry.key().id()).containsExactly(5L);
        assertThat(models.api.organizationKey(5).valid()).isTrue();
        assertThat(notices).last().asString().endsWith("The key this connection uses was left out.");
        assertThat(models.model.session().stateProperty().get()).isEqualTo(ConnectionSession.State.CONNECTED);

        BulkModel confirmed = new BulkModel(context, context.plan(KeyAction.DEACTIVATE, keys(5)));
        confirmed.start(null, true);
        drainFx();
        models.runner.finish(BulkModel.BULK_TAG);
        drainFx();

        assertThat(models.api.organizationKey(5).valid()).isFalse();
        assertThat(models.model.session().stateProperty().get()).isEqualTo(ConnectionSession.State.FAILED);
        assertThat(models.model.session().problemProperty().get()).startsWith("Locked out").contains("Edit connection");
        assertThat(models.model.store().find(dev.keywarden.core.keys.KeyRef.organisation(5)).orElseThrow().key().valid())
                .as("the tables show what the server answered, with no read after the lock-out").isFalse();
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
