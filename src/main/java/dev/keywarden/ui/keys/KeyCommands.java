package dev.keywarden.ui.keys;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.ui.common.Problem;
import dev.keywarden.ui.common.Problems;
import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.projects.ProjectsModel;

import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Changes to project keys. Each returns a stage that completes on the callback thread with the
 * server's answer; what the screen shows changes only when that answer arrives.
 */
public final class KeyCommands {
    public static final String SET_VALID_TAG = "key.setValid";
    public static final String CREATE_TAG = "key.create";
    public static final String REVOKE_TAG = "key.revoke";
    public static final String READ_AGAIN_TAG = "key.readAgain";

    private final ConnectionSession session;
    private final ProjectsModel projects;
    private final KeysModel keys;
    private final OrgKeysModel orgKeys;
    private final ProblemReport problems;
    private final TaskRunner runner;
    private KeyChangeRecorder recorder = KeyChangeRecorder.NONE;

    public KeyCommands(ConnectionSession session, ProjectsModel projects, KeysModel keys, OrgKeysModel orgKeys,
                       ProblemReport problems, TaskRunner runner) {
        this.orgKeys = orgKeys;
        this.runner = runner;
        this.session = session;
        this.projects = projects;
        this.keys = keys;
        this.problems = problems;
    }

    /** Where every change sent from here is recorded (the audit trail). */
    public void recordChangesWith(KeyChangeRecorder recorder) {
        this.recorder = recorder;
    }

    private Consumer<Throwable> recording(KeyRow row, KeyAction action) {
        KeyEntry entry = row.isOrganizationKey() ? KeyEntry.ofOrganisation(row.key())
                : new KeyEntry(KeyKind.PROJECT, row.projectId(),
                        projects.find(row.projectId()).map(project -> project.project().name()).orElse(null), row.key());
        return recorder.sending(entry, action);
    }

    /**
     * Sends {@code {"valid": …}}. The row is busy until the server answers, then shows exactly what the
     * server answered; on failure it keeps what it had and the reason is reported (also after the
     * admin moved to another connection, saying so). Nothing is sent while a change to the row is in flight.
     */
    public CompletionStage<ApiKey> setValid(KeyRow row, boolean valid) {
        ConfidentApi api = session.api();
        if (api == null || row.isBusy() || row.key().valid() == valid) {
            return CompletableFuture.completedFuture(row.key());
        }
        Generation.Token connection = session.token();
        String what = KeyNames.label(row.key());
        Consumer<Throwable> record = recording(row, valid ? KeyAction.ACTIVATE : KeyAction.DEACTIVATE);
        row.startChange(valid);
        keys.shownFor(row).ifPresent(shown -> shown.startChange(valid));
        return session.change(BackgroundCall.of((valid ? "Activating key " : "Deactivating key ") + what,
                                () -> row.isOrganizationKey() ? api.setOrganizationApiKeyValid(row.id(), valid)
                                        : api.setApiKeyValid(row.projectId(), row.id(), valid)).tag(SET_VALID_TAG))
                .whenComplete((answer, error) -> {
                    record.accept(error);
                    row.settle();
                    keys.shownFor(row).ifPresent(KeyRow::settle);
                    String failed = (valid ? "Could not activate " : "Could not deactivate ") + what;
                    if (error == null) {
                        if (connection.isCurrent()) {
                            land(row, answer);
                        }
                    } else if (!connection.isCurrent()) {
                        problems.reportChange("On the connection you left: " + failed, error);
                    } else if (ApiException.outcomeUnknown(error)) {
                        readAgain(api, row, valid, failed, error);
                    } else {
                        problems.reportChange(failed, error);
                    }
                });
    }

    /**
     * The answer to a change was lost (a timeout, a cut connection, a 5xx after sending): the server may
     * have made it. Until the key is read again the row shows "unknown"; then it shows what the server
     * has, and says whether the change was made although its answer was lost.
     */
    private void readAgain(ConfidentApi api, KeyRow row, boolean asked, String failed, Throwable lost) {
        Generation.Token connection = session.token();
        row.markUnknown();
        keys.shownFor(row).ifPresent(KeyRow::markUnknown);
        BackgroundCall.of("Reading key " + KeyNames.label(row.key()) + " again", () -> row.isOrganizationKey()
                        ? api.getOrganizationApiKey(row.id()) : api.getApiKey(row.projectId(), row.id()))
                .tag(READ_AGAIN_TAG)
                .onSuccess(now -> {
                    if (!connection.isCurrent()) {
                        return;
                    }
                    session.heard(connection, null);
                    land(row, now);
                    String outcome = now.valid() == asked
                            ? "Read again: the key is now " + state(now) + ", so the change was made although its answer was lost."
                            : "Read again: the key is still " + state(now) + ", so nothing changed.";
                    problems.show(new Problem(failed + ": " + Problems.inPlainWords(lost) + " " + outcome,
                            Problems.details(lost), true));
                })
                .onFailure(error -> {
                    if (connection.isCurrent()) {
                        session.heard(connection, error);
                        problems.show(new Problem(failed + ": " + Problems.inPlainWords(lost)
                                + " Reading the key again failed too, so its state is unknown: press F5 to check.",
                                Problems.details(error), true));
                    }
                })
                .runWith(runner);
    }

    /** After a revoke whose answer was lost, the list shows whether the key is still there. */
    private void readListAgain(KeyRow row) {
        if (row.isOrganizationKey()) {
            orgKeys.reload();
        } else {
            projects.find(row.projectId()).ifPresent(projects::loadKeysOf);
        }
    }

    private static String state(ApiKey key) {
        return key.valid() ? "active" : "deactivated";
    }

    private void land(KeyRow row, ApiKey answer) {
        row.show(answer);
        if (row.isOrganizationKey()) {
            orgKeys.landed(answer);
        } else {
            keys.shownFor(row).ifPresent(shown -> shown.show(answer));
            projects.keysChanged(row.projectId(), summary -> summary.with(answer));
        }
    }

    /** Creates an organisation key; the stage holds its raw value, which nothing here keeps. */
    public CompletionStage<ApiKey> createOrganizationKey(String name) {
        ConfidentApi api = session.api();
        Generation.Token connection = session.token();
        return session.change(BackgroundCall.of("Creating organisation key " + name, () -> api.createOrganizationApiKey(name))
                        .tag(CREATE_TAG))
                .whenComplete((created, error) -> {
                    if (error != null && ApiException.outcomeUnknown(error) && connection.isCurrent()) {
                        orgKeys.reload();
                    }
                })
                .thenApply(created -> {
                    recorder.sending(KeyEntry.ofOrganisation(created), KeyAction.CREATE).accept(null);
                    if (connection.isCurrent()) {
                        orgKeys.landed(created);
                    }
                    return created;
                });
    }

    /** Creates a key; the stage holds its raw value, which nothing here keeps. */
    public CompletionStage<ApiKey> create(ProjectRow project, String name) {
        ConfidentApi api = session.api();
        Generation.Token connection = session.token();
        return session.change(BackgroundCall.of("Creating key " + name, () -> api.createApiKey(project.id(), name)).tag(CREATE_TAG))
                .whenComplete((created, error) -> {
                    if (error != null && ApiException.outcomeUnknown(error) && connection.isCurrent()) {
                        projects.loadKeysOf(project);
                    }
                })
                .thenApply(created -> {
                    recorder.sending(KeyEntry.ofProject(project.project(), created), KeyAction.CREATE).accept(null);
                    if (connection.isCurrent()) {
                        projects.keysChanged(project.id(), summary -> summary.with(created));
                    }
                    return created;
                });
    }

    /** Revokes a key for good. A 404 means it is gone already, which is what was asked. */
    public CompletionStage<Void> revoke(KeyRow row) {
        ConfidentApi api = session.api();
        Generation.Token connection = session.token();
        Consumer<Throwable> record = recording(row, KeyAction.REVOKE);
        row.startChange(null);
        return session.change(BackgroundCall.ofAction("Revoking key " + KeyNames.label(row.key()), () -> {
                    try {
                        if (row.isOrganizationKey()) {
                            api.revokeOrganizationApiKey(row.id());
                        } else {
                            api.revokeApiKey(row.projectId(), row.id());
                        }
                    } catch (NotFoundException alreadyGone) {
                        // Also what a retried DELETE sees when its first answer was lost.
                    }
                }).tag(REVOKE_TAG))
                .whenComplete((done, error) -> {
                    record.accept(error);
                    row.settle();
                    if (error != null && ApiException.outcomeUnknown(error) && connection.isCurrent()) {
                        readListAgain(row);
                    } else if (error == null && connection.isCurrent()) {
                        if (row.isOrganizationKey()) {
                            orgKeys.removed(row);
                        } else {
                            keys.removed(row);
                            projects.keysChanged(row.projectId(), summary -> summary.without(row.id()));
                        }
                    }
                });
    }
}
