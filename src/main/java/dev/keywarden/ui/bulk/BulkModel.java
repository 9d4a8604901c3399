package dev.keywarden.ui.bulk;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.bulk.BulkExecutor;
import dev.keywarden.core.pacing.PacedApi;
import dev.keywarden.core.bulk.BulkPlan;
import dev.keywarden.core.bulk.BulkResult;
import dev.keywarden.core.bulk.BulkRun;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.KeyStore;
import dev.keywarden.ui.store.RowState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One bulk change as the bulk dialog shows it: its plan, then its run with a result per key as each
 * arrives, Cancel (what was sent finishes, the rest is not sent) and "Retry failed". While it runs, its
 * keys' rows show the change under way and refuse anything else; each result goes to the key store as it
 * arrives, so every table shows what the server answered. The connection's own key is left out unless the
 * admin types {@value #OWN_KEY_WORDS}; then it is sent last. The run is sent as a change of the connection,
 * so leaving the connection neither cancels it nor closes its gateway under it; its audit entries are written
 * on the run's own thread from its results, also when it was cancelled or interrupted.
 */
public final class BulkModel {
    public static final String BULK_TAG = "incident.bulk";
    public static final String REVOKE_WORD = "REVOKE";
    /** What the admin types to include the connection's own key. */
    public static final String OWN_KEY_WORDS = "LOCK OUT";

    private final BulkContext context;
    private final ReadOnlyObjectWrapper<BulkPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ObservableList<KeyResult> results = FXCollections.observableArrayList();
    private final ObservableList<KeyResult> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<BulkResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final AtomicReference<BulkRun> run = new AtomicReference<>();
    private final List<String> notes;
    private volatile boolean cancelRequested;

    public BulkModel(BulkContext context, BulkPlan first) {
        this(context, first, List.of());
    }

    /** @param notes what the plan's lines do not say, e.g. keys that could not be read again before it */
    public BulkModel(BulkContext context, BulkPlan first, List<String> notes) {
        this.context = context;
        this.plan.set(first);
        this.notes = List.copyOf(notes);
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

    /** Whether the plan includes (or may include) the connection's own key, which is sent only when confirmed separately. */
    public static boolean asksAboutOwnKey(BulkPlan plan) {
        return plan.action() != KeyAction.ACTIVATE && !plan.ownKeyToSend().isEmpty();
    }

    /** {@value #OWN_KEY_WORDS}, in any case. */
    public static boolean confirmsOwnKey(String typed) {
        return typed != null && typed.strip().toUpperCase(Locale.ROOT).equals(OWN_KEY_WORDS);
    }

    /** Sends the current plan without the connection's own key. */
    public CompletionStage<BulkResult> start(String reason) {
        return start(reason, false);
    }

    /**
     * Sends the current plan, the connection's own key last and only when {@code includingOwnKey}; the stage
     * completes on the FX thread with every key's result. Nothing is sent while any of its keys has something
     * else under way (the status bar says so).
     */
    public CompletionStage<BulkResult> start(String reason, boolean includingOwnKey) {
        BulkPlan current = includingOwnKey || plan.get().action() == KeyAction.ACTIVATE ? plan.get() : plan.get().withoutOwnKey();
        ConfidentApi api = context.session().api();
        if (running.get() || api == null || current.isEmpty() || refused(current)) {
            return CompletableFuture.completedFuture(new BulkResult(current, List.of(), false));
        }
        KeyStore store = context.store();
        AuditContext who = context.recorder().context();
        Generation.Token connection = context.session().token();
        results.clear();
        done.set(0);
        result.set(null);
        running.set(true);
        cancelRequested = false;
        context.started(this);
        current.toSend().forEach(entry -> store.find(entry.ref()).ifPresent(row -> store.mark(row,
                current.action() == KeyAction.REVOKE ? RowState.REVOKING : RowState.changing(current.action().wantedValid()))));
        BulkExecutor executor = new BulkExecutor(context.parallelism());
        ConfidentApi paced = PacedApi.of(api, context.parallelism());
        return context.session().change(BackgroundCall.of(current.action().capitalisedVerb() + " " + current.count() + " keys", () -> {
                    BulkRun started = executor.start(paced, current, (key, count, total) -> context.fx().execute(() -> shown(key, count, connection)));
                    run.set(started);
                    if (cancelRequested) {
                        started.cancel();
                    }
                    BulkResult outcome = started.awaitResults();
                    // Interrupted (the window closing): record first, since an interrupt would cut the trail's write short.
                    boolean interrupted = Thread.interrupted();
                    try {
                        return new Outcome(outcome, context.recorder().recordNow(outcome, who, reason));
                    } finally {
                        if (interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).tag(BULK_TAG))
                .handle((outcome, error) -> {
                    running.set(false);
                    run.set(null);
                    context.ended(this);
                    if (error != null) {
                        context.problems().reportChange("The bulk change stopped", error);
                        current.toSend().forEach(entry -> store.find(entry.ref())
                                .filter(row -> !row.isIdle()).ifPresent(row -> store.mark(row, RowState.MAY_BE_OUT_OF_DATE)));
                        return new BulkResult(current, List.copyOf(results), true);
                    }
                    if (connection.isCurrent()) {
                        outcome.result().results().forEach(store::changed);
                    }
                    results.setAll(outcome.result().results());
                    done.set(results.size());
                    result.set(outcome.result());
                    if (outcome.auditProblem() != null) {
                        context.recorder().report(outcome.auditProblem(), !outcome.result().succeeded().isEmpty());
                    }
                    context.afterBulk(outcome.result(), api, who, connection);
                    return outcome.result();
                });
    }

    private record Outcome(BulkResult result, String auditProblem) {
    }

    /** Refuses a run while any of its keys has something else under way, saying which. */
    private boolean refused(BulkPlan current) {
        Optional<KeyRow> busy = current.toSend().stream().map(KeyEntry::ref).map(context.store()::find)
                .flatMap(Optional::stream).filter(row -> !row.isIdle()).findFirst();
        busy.ifPresent(row -> context.refusals().refuse(row.state().refusal(KeyNames.label(row.key()))));
        return busy.isPresent();
    }

    private void shown(KeyResult key, int count, Generation.Token connection) {
        if (running.get()) {
            results.add(key);
            done.set(count);
            if (connection.isCurrent()) {
                context.store().changed(key);
            }
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

    /** Whether the run under way has been told to send nothing more (changes already sent still finish). */
    public boolean isCancelling() {
        BulkRun current = run.get();
        return current != null && current.isCancelled();
    }

    /** The admin has seen the result (the dialog closed): says what happened and offers Undo from now on. */
    public void resultSeen() {
        BulkResult last = result.get();
        if (last != null) {
            context.resultSeen(last);
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

    /** What the plan's lines do not say, e.g. keys that could not be read again before it was made. */
    public List<String> notes() {
        return notes;
    }

    /** Each key's result as it arrived (in the plan's order once the run ended). */
    public ObservableList<KeyResult> results() {
        return readOnlyResults;
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

}
