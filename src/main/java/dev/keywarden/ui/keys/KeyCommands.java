package dev.keywarden.ui.keys;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.KeyLifecycleApi;
import dev.keywarden.common.Causes;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Delay;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.bulk.KeyChangeService;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyCalls;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.rotate.KeyRotations;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.KeyLifetime;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.common.Refusals;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.KeyStore;
import dev.keywarden.ui.store.RowState;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Changes to keys from the console, project and organisation keys alike, through the one
 * {@link KeyChangeService}: the row shows what is under way ({@link RowState}) until the server answers,
 * then exactly what it answered, in every table at once (the {@link KeyStore}). A change is refused, with
 * the reason in the status bar, while anything is under way for the row. After a lost answer the key is
 * read again (Esc stops that read: the row then shows what the store last knew, marked "may be out of
 * date"); a change that may still land is read once more after the call deadline. Every change is
 * recorded from its result, as the bulk executor and the command line record theirs.
 */
public final class KeyCommands {
    public static final String SET_VALID_TAG = "key.setValid";
    public static final String CREATE_TAG = "key.create";
    public static final String REVOKE_TAG = "key.revoke";
    public static final String READ_AGAIN_TAG = "key.readAgain";

    private final ConnectionSession session;
    private final KeyStore store;
    private final ProblemReport problems;
    private final TaskRunner runner;
    private final Refusals refusals;
    private final KeyChangeWords words;
    private final KeySettling settling;
    private KeyChangeRecorder recorder = KeyChangeRecorder.NONE;

    public KeyCommands(ConnectionSession session, KeyStore store, ProblemReport problems, TaskRunner runner, Refusals refusals,
                       Delay delay) {
        this.session = session;
        this.store = store;
        this.problems = problems;
        this.runner = runner;
        this.refusals = refusals;
        this.words = new KeyChangeWords(problems);
        this.settling = new KeySettling(session, store, runner, delay, words);
    }

    /** Where every change sent from here is recorded (the audit trail). */
    public void recordChangesWith(KeyChangeRecorder recorder) {
        this.recorder = recorder;
    }

    /** Reads again, once the deadline has passed, a change that may still land (also one of a bulk run), and records what it shows. */
    public void settleLater(ConfidentApi api, KeyResult unsettled, AuditContext who, Generation.Token connection) {
        settling.settleLater(api, unsettled, who, connection, session.deadline(), recorder);
    }

    /**
     * Sends {@code {"valid": …}}. The stage completes with the change's result once it is known (after a
     * read again, if its answer was lost), or with null when nothing was sent: not connected, the key
     * already in that state, or something already under way for it (then the status bar says so).
     */
    public CompletionStage<KeyResult> setValid(KeyRow row, boolean valid) {
        if (row.key().valid() == valid && row.isIdle()) {
            return CompletableFuture.completedFuture(null);
        }
        return change(row, valid ? KeyAction.ACTIVATE : KeyAction.DEACTIVATE);
    }

    /** Revokes a key for good (a key the server no longer has counts as revoked); as {@link #setValid}. */
    public CompletionStage<KeyResult> revoke(KeyRow row) {
        return change(row, KeyAction.REVOKE);
    }

    /** Whether an action on the row may go ahead; if not, the status bar says why. */
    public boolean mayAct(KeyRow row) {
        String refusal = row.state().refusal(KeyNames.label(row.key()));
        if (refusal != null) {
            refusals.refuse(refusal);
        }
        return refusal == null;
    }

    private CompletionStage<KeyResult> change(KeyRow row, KeyAction action) {
        ConfidentApi api = session.api();
        if (api == null || !mayAct(row)) {
            return CompletableFuture.completedFuture(null);
        }
        KeyEntry entry = row.entry();
        Generation.Token connection = session.token();
        AuditContext who = recorder.context();
        Runnable open = session.keepOpen(api);
        Runnable[] evidence = {() -> { }};
        CompletableFuture<KeyResult> outcome = new CompletableFuture<>();
        Change change = new Change(api, row, entry, action, connection, who, session.deadline(), () -> {
            open.run();
            evidence[0].run();
        }, outcome);
        store.mark(row, action == KeyAction.REVOKE ? RowState.REVOKING : RowState.changing(action.wantedValid()));
        session.change(BackgroundCall.of(title(action, entry.key()), () -> KeyChangeService.send(api, entry, action))
                        .tag(action == KeyAction.REVOKE ? REVOKE_TAG : SET_VALID_TAG))
                .whenComplete((sent, error) -> {
                    // Still a change in flight until its audit entry is on its way, also while the key is read again.
                    evidence[0] = session.changesInFlight().begin();
                    KeyResult result = sent != null ? sent : KeyChangeService.failedToSend(entry, action, asException(error));
                    session.heard(connection, result.error());
                    if (result.isAnswerLost()) {
                        readAgain(change, result);
                    } else {
                        finish(change, result);
                    }
                });
        return outcome;
    }

    /** @param ended releases the gateway and the change in flight, once its audit entry is on its way */
    private record Change(ConfidentApi api, KeyRow row, KeyEntry entry, KeyAction action, Generation.Token connection,
                          AuditContext who, Duration deadline, Runnable ended, CompletableFuture<KeyResult> outcome) {
    }

    /**
     * The answer was lost: the server may have made the change. Until the key is read again the row shows
     * "unknown". Also on a connection the admin has left (its gateway is held open): the trail records what it shows.
     */
    private void readAgain(Change change, KeyResult lost) {
        if (change.connection().isCurrent()) {
            store.mark(change.row(), RowState.UNKNOWN);
        }
        boolean[] answered = new boolean[1];
        BackgroundCall.of("Reading key " + KeyNames.label(change.entry().key()) + " again", () -> KeyChangeService.readAgain(change.api(), lost))
                .tag(READ_AGAIN_TAG)
                .onSuccess(result -> {
                    answered[0] = true;
                    if (result.outcome() != KeyResult.Outcome.UNKNOWN) {
                        session.heard(change.connection(), null);
                    }
                    finish(change, result);
                })
                .onFailure(error -> {
                    answered[0] = true;
                    finish(change, KeyChangeService.notReadAgain(lost, asException(error)));
                })
                .onFinally(() -> {
                    if (!answered[0]) {
                        finish(change, KeyChangeService.notReadAgain(lost, new IllegalStateException("reading it again was stopped")));
                    }
                })
                .runWith(runner);
    }

    /** The change's result is known: the store shows it, the row is idle again, the admin is told, the trail records it. */
    private void finish(Change change, KeyResult result) {
        if (change.connection().isCurrent()) {
            store.changed(result);
        }
        words.tell(result, !change.connection().isCurrent());
        recorder.record(result, change.who(), null);
        if (result.mayStillLand()) {
            settling.settleLater(change.api(), result, change.who(), change.connection(), change.deadline(), recorder);
        }
        change.ended().run();
        change.outcome().complete(result);
    }

    /** Creates an organisation key; the stage holds its raw value, which nothing here keeps. */
    public CompletionStage<ApiKey> createOrganizationKey(String name) {
        return createOrganizationKey(name, null);
    }

    /** Creates an organisation key with a lifetime (v2; null: as v1 creates it, never expiring). */
    public CompletionStage<ApiKey> createOrganizationKey(String name, KeyLifetime lifetime) {
        ConfidentApi api = session.api();
        Generation.Token connection = session.token();
        return session.change(BackgroundCall.of("Creating organisation key " + name, () -> created(api, null, name, lifetime))
                        .tag(CREATE_TAG))
                .whenComplete((created, error) -> {
                    if (error != null && ApiException.outcomeUnknown(error) && connection.isCurrent()) {
                        reloadOrganisationKeys(api, connection);
                    }
                })
                .thenApply(created -> {
                    KeyEntry entry = KeyEntry.ofOrganisation(created);
                    recorder.created(entry);
                    if (connection.isCurrent()) {
                        store.answered(entry);
                    }
                    return created;
                });
    }

    /** Creates a key; the stage holds its raw value, which nothing here keeps. */
    public CompletionStage<ApiKey> create(ProjectRow project, String name) {
        return create(project, name, null);
    }

    /** Creates a key with a lifetime (v2; null: as v1 creates it, never expiring). */
    public CompletionStage<ApiKey> create(ProjectRow project, String name, KeyLifetime lifetime) {
        ConfidentApi api = session.api();
        Generation.Token connection = session.token();
        return session.change(BackgroundCall.of("Creating key " + name, () -> created(api, project.id(), name, lifetime)).tag(CREATE_TAG))
                .whenComplete((created, error) -> {
                    if (error != null && ApiException.outcomeUnknown(error) && connection.isCurrent()) {
                        reloadProjectKeys(api, project, connection);
                    }
                })
                .thenApply(created -> {
                    KeyEntry entry = KeyEntry.ofProject(project.project(), created);
                    recorder.created(entry);
                    if (connection.isCurrent()) {
                        store.answered(entry);
                    }
                    return created;
                });
    }

    /** The call that creates a key: v1 without a lifetime, v2 with one; an organisation key when {@code projectId} is null. */
    private static ApiKey created(ConfidentApi api, String projectId, String name, KeyLifetime lifetime) {
        if (lifetime == null) {
            return projectId == null ? api.createOrganizationApiKey(name) : api.createApiKey(projectId, name);
        }
        KeyLifecycleApi v2 = KeyCalls.lifecycle(api).orElseThrow(() -> new IllegalStateException(
                "This server does not offer key expiry (v2): create the key without a lifetime."));
        return KeyRotations.create(v2, projectId, name, lifetime);
    }

    /** After a creation whose answer was lost, the list shows whether the key was made. */
    private void reloadProjectKeys(ConfidentApi api, ProjectRow project, Generation.Token connection) {
        long askedAt = store.stamp();
        BackgroundCall.of("Loading keys of " + project.project().name(), () -> KeyCalls.of(api).projectKeys(project.id()))
                .tag(READ_AGAIN_TAG)
                .onSuccess(keys -> {
                    if (connection.isCurrent()) {
                        store.projectKeysListed(project.project(), keys, askedAt);
                    }
                })
                .onFailure(error -> problems.report("Could not load the keys of " + project.project().name(), error))
                .runWith(runner);
    }

    private void reloadOrganisationKeys(ConfidentApi api, Generation.Token connection) {
        long askedAt = store.stamp();
        BackgroundCall.of("Loading organisation keys", () -> KeyCalls.of(api).organisationKeys())
                .tag(READ_AGAIN_TAG)
                .onSuccess(keys -> {
                    if (connection.isCurrent()) {
                        store.organisationKeysListed(keys, askedAt);
                    }
                })
                .onFailure(error -> problems.report("Could not load the organisation keys", error))
                .runWith(runner);
    }

    private static String title(KeyAction action, ApiKey key) {
        return switch (action) {
            case ACTIVATE -> "Activating key ";
            case DEACTIVATE -> "Deactivating key ";
            default -> "Revoking key ";
        } + KeyNames.label(key);
    }

    /** The failure a stage completed with, unwrapped from the CompletionException around it. */
    static Exception asException(Throwable error) {
        Throwable cause = Causes.unwrap(error);
        return cause instanceof Exception exception ? exception : new IllegalStateException(String.valueOf(cause), cause);
    }
}
