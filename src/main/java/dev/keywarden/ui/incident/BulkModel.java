package dev.keywarden.ui.incident;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.bulk.BulkExecutor;
import dev.keywarden.core.pacing.PacedApi;
import dev.keywarden.core.bulk.BulkPlan;
import dev.keywarden.core.bulk.BulkResult;
import dev.keywarden.core.bulk.BulkRun;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.keys.KeyAction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One bulk change as the bulk dialog shows it: its plan, then its run with a result per key as each
 * arrives, Cancel (what was sent finishes, the rest is not sent) and "Retry failed". The run is sent
 * as a change of the connection, so leaving the connection neither cancels it nor closes its gateway
 * under it; its audit entries are written on the run's own thread before the result is shown.
 */
public final class BulkModel {
    public static final String BULK_TAG = "incident.bulk";
    public static final String REVOKE_WORD = "REVOKE";

    private final IncidentContext context;
    private final ReadOnlyObjectWrapper<BulkPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ObservableList<KeyResult> results = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<BulkResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final AtomicReference<BulkRun> run = new AtomicReference<>();
    private volatile boolean cancelRequested;

    public BulkModel(IncidentContext context, BulkPlan first) {
        this.context = context;
        this.plan.set(first);
    }

    /** Whether this plan needs the admin to type {@value #REVOKE_WORD} or the count first. */
    public static boolean needsTypedConfirmation(BulkPlan plan) {
        return plan.action() == KeyAction.REVOKE && !plan.isEmpty();
    }

    /** "REVOKE" (any case) or the number of keys to revoke. */
    public static boolean confirms(BulkPlan plan, String typed) {
        String text = typed == null ? "" : typed.strip();
        return !needsTypedConfirmation(plan) || text.toUpperCase(Locale.ROOT).equals(REVOKE_WORD)
                || text.equals(String.valueOf(plan.count()));
    }

    /** Sends the current plan; the stage completes on the FX thread with every key's result. */
    public CompletionStage<BulkResult> start(String reason) {
        BulkPlan current = plan.get();
        ConfidentApi api = context.session().api();
        if (running.get() || api == null || current.isEmpty()) {
            return CompletableFuture.completedFuture(new BulkResult(current, java.util.List.of(), false));
        }
        AuditContext who = context.audit().context();
        results.clear();
        done.set(0);
        result.set(null);
        running.set(true);
        cancelRequested = false;
        BulkExecutor executor = new BulkExecutor(context.parallelism());
        ConfidentApi paced = PacedApi.of(api, context.parallelism());
        return context.session().change(BackgroundCall.of(capitalised(current.action().verb()) + " " + current.count() + " keys", () -> {
                    BulkRun started = executor.start(paced, current, (key, count, total) -> context.fx().execute(() -> shown(key, count)));
                    run.set(started);
                    if (cancelRequested) {
                        started.cancel();
                    }
                    BulkResult outcome = started.await();
                    return new Outcome(outcome, context.audit().recordBulk(outcome, who, reason));
                }).tag(BULK_TAG))
                .handle((outcome, error) -> {
                    running.set(false);
                    run.set(null);
                    if (error != null) {
                        context.problems().reportChange("The bulk change stopped", error);
                        return new BulkResult(current, java.util.List.copyOf(results), true);
                    }
                    results.setAll(outcome.result().results());
                    done.set(results.size());
                    result.set(outcome.result());
                    if (outcome.auditProblem() != null) {
                        context.audit().report(outcome.auditProblem(), !outcome.result().succeeded().isEmpty());
                    }
                    context.afterBulk(outcome.result());
                    return outcome.result();
                });
    }

    private record Outcome(BulkResult result, String auditProblem) {
    }

    private void shown(KeyResult key, int count) {
        if (running.get()) {
            results.add(key);
            done.set(count);
        }
    }

    /** Sends nothing more; changes already sent finish and are shown. */
    public void cancel() {
        cancelRequested = true;
        BulkRun current = run.get();
        if (current != null) {
            current.cancel();
        }
    }

    /** Makes the keys that failed the plan, each as last seen; {@link #start} sends it. */
    public void planRetryOfFailed() {
        BulkResult last = result.get();
        if (last != null && !last.failed().isEmpty()) {
            plan.set(last.retryFailed());
            result.set(null);
        }
    }

    public ReadOnlyObjectProperty<BulkPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public BulkPlan plan() {
        return plan.get();
    }

    /** Each key's result as it arrived (in the plan's order once the run ended). */
    public ObservableList<KeyResult> results() {
        return FXCollections.unmodifiableObservableList(results);
    }

    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last run's result, or null before one ended. */
    public ReadOnlyObjectProperty<BulkResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    private static String capitalised(String verb) {
        return Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
    }
}
