package dev.keywarden.ui.bulk;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.bulk.BulkPlan;
import dev.keywarden.core.bulk.BulkResult;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.bulk.OwnKey;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.common.Refusals;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.keys.ConnectionKey;
import dev.keywarden.ui.keys.KeyChangeRecorder;
import dev.keywarden.ui.keys.KeyCommands;
import dev.keywarden.ui.store.KeyStore;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the bulk changes share: the connection, the key store they read and feed, the audit trail, where to
 * say things, the key commands (for reading a change that may still land again after the deadline), and how
 * to get back to the FX thread from the bulk executor's threads.
 */
public final class BulkContext {
    private final ConnectionSession session;
    private final TaskRunner runner;
    private final Executor fx;
    private final KeyChangeRecorder recorder;
    private final ProblemReport problems;
    private final Notices notices;
    private final KeyStore store;
    private final ConnectionKey connectionKey;
    private final KeyCommands commands;
    private final Refusals refusals;
    private final int parallelism;
    private final java.util.Set<BulkModel> runs = new java.util.LinkedHashSet<>();

    public BulkContext(ConnectionSession session, TaskRunner runner, Executor fx, KeyChangeRecorder recorder, ProblemReport problems,
                           Notices notices, KeyStore store, ConnectionKey connectionKey, KeyCommands commands, Refusals refusals,
                       int parallelism) {
        this.session = session;
        this.runner = runner;
        this.fx = fx;
        this.recorder = recorder;
        this.problems = problems;
        this.notices = notices;
        this.store = store;
        this.connectionKey = connectionKey;
        this.commands = commands;
        this.refusals = refusals;
        this.parallelism = parallelism;
    }

    /** A plan for these keys against every key in the store, knowing which organisation key the connection uses. */
    public BulkPlan plan(KeyAction action, Collection<KeyEntry> keys) {
        return BulkPlan.ofEntries(action, keys, store.entries(), connectionKey.suffix());
    }

    /** The last six characters of the connection's organisation key, or null. */
    String connectionKeySuffix() {
        return connectionKey.suffix();
    }

    /**
     * After a run (whose results the store already shows): a run that switched off the connection's own key
     * says the connection is locked out, and each change that may still land is read again after the deadline.
     */
    void afterBulk(BulkResult result, ConfidentApi api, AuditContext who, Generation.Token connection) {
        result.results().stream().filter(KeyResult::mayStillLand)
                .forEach(unsettled -> commands.settleLater(api, unsettled, who, connection));
        KeyAction action = result.plan().action();
        boolean ownKeyChanged = action != KeyAction.ACTIVATE && result.plan().ownKey() == OwnKey.INCLUDED
                && result.succeeded().stream().anyMatch(key -> result.plan().ownKeyCandidates().stream()
                .anyMatch(own -> own.ref().equals(key.entry().ref())));
        if (ownKeyChanged && connection.isCurrent()) {
            session.lockedOut("Locked out: this connection's organisation key was " + action.pastTense()
                    + ". Use Edit connection\u2026 to give another organisation key.");
        }
    }

    /** Once the admin has seen the result: says what happened, and offers to undo a deactivation for a while. */
    void resultSeen(BulkResult result) {
        KeyAction action = result.plan().action();
        String summary = summary(result);
        boolean partial = result.succeeded().size() < result.results().size() || !result.notSent().isEmpty();
        if (action == KeyAction.DEACTIVATE && !result.succeeded().isEmpty()) {
            notices.offerUndo(summary, () -> undo(result), partial);
        } else {
            String said = summary + (action == KeyAction.REVOKE && !result.succeeded().isEmpty()
                    ? " Revocation cannot be undone." : "");
            if (partial) {
                notices.warn(said);
            } else {
                notices.show(said);
            }
        }
    }

    void started(BulkModel run) {
        runs.add(run);
    }

    void ended(BulkModel run) {
        runs.remove(run);
    }

    /** Every bulk run sends nothing more (closing the window): what was sent finishes and is recorded. */
    public void cancelRuns() {
        List.copyOf(runs).forEach(BulkModel::cancel);
    }

    /** Reactivates exactly the keys a deactivation switched off. */
    public void undo(BulkResult deactivation) {
        BulkModel undo = new BulkModel(this, deactivation.undo());
        undo.start("Undo").thenAccept(done -> undo.resultSeen());
    }

    static String summary(BulkResult result) {
        String verb = result.plan().action().pastTense();
        int changed = result.succeeded().size();
        StringBuilder text = new StringBuilder(Character.toUpperCase(verb.charAt(0)) + verb.substring(1) + " " + changed + " of "
                + result.results().size() + (result.results().size() == 1 ? " key." : " keys."));
        long refused = result.results().stream().filter(key -> key.outcome() == KeyResult.Outcome.FAILED).count();
        long unknown = result.results().stream().filter(KeyResult::mayStillLand).count();
        if (refused > 0) {
            text.append(" ").append(refused).append(" failed.");
        }
        if (unknown > 0) {
            text.append(" ").append(unknown).append(" not known yet: read again after the deadline.");
        }
        if (!result.notSent().isEmpty()) {
            text.append(" ").append(result.notSent().size()).append(" not sent (cancelled).");
        }
        if (!result.plan().leftOut().isEmpty()) {
            text.append(" The key this connection uses was left out.");
        }
        return text.toString();
    }

    /** How many changes a bulk run has in flight at once, at most: the console's parallelism setting. */
    public int parallelism() {
        return parallelism;
    }

    public ConnectionSession session() {
        return session;
    }

    public TaskRunner runner() {
        return runner;
    }

    public Executor fx() {
        return fx;
    }

    public KeyChangeRecorder recorder() {
        return recorder;
    }

    public ProblemReport problems() {
        return problems;
    }

    public Notices notices() {
        return notices;
    }

    public KeyStore store() {
        return store;
    }

    public Refusals refusals() {
        return refusals;
    }
}
