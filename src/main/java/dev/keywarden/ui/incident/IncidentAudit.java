package dev.keywarden.ui.incident;

import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditException;
import dev.keywarden.core.audit.AuditOutcome;
import dev.keywarden.core.audit.AuditTrail;
import dev.keywarden.core.bulk.BulkResult;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.rotate.RotationResult;
import dev.keywarden.model.Organization;
import dev.keywarden.ui.common.Problem;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.keys.KeyChangeRecorder;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Records every change made from the console in the audit trail, off the FX thread. An entry that
 * cannot be written is reported as a change problem that says the change itself still counts. Until
 * {@link #writeTo(Path)} is called (the window does, with the settings folder) nothing is recorded:
 * view-model tests have no trail unless they give one.
 */
public final class IncidentAudit implements KeyChangeRecorder {
    public static final String APPEND_TAG = "audit.append";

    private final ConnectionSession session;
    private final Supplier<String> profileName;
    private final TaskRunner runner;
    private final Clock clock;
    private final ProblemReport problems;
    private volatile AuditTrail trail;

    public IncidentAudit(ConnectionSession session, Supplier<String> profileName, TaskRunner runner, Clock clock, ProblemReport problems) {
        this.session = session;
        this.profileName = profileName;
        this.runner = runner;
        this.clock = clock;
        this.problems = problems;
    }

    /** Records into {@code audit.jsonl} in this folder from now on. */
    public void writeTo(Path folder) {
        this.trail = new AuditTrail(folder);
    }

    public Optional<AuditTrail> trail() {
        return Optional.ofNullable(trail);
    }

    /** Who and where, as of now: take it when a change is sent (on the FX thread). */
    @Override
    public AuditContext context() {
        Organization organization = session.organizationProperty().get();
        return new AuditContext(profileName.get(), organization == null ? null : organization.id(),
                organization == null ? null : organization.name());
    }

    @Override
    public void record(KeyResult result, AuditContext context, String reason) {
        AuditEntry entry = AuditEntry.of(context, clock.instant(), result, reason);
        if (entry != null) {
            append(entry);
        }
    }

    @Override
    public void rotated(RotationResult result, AuditContext context) {
        append(result.auditEntry(context, clock.instant(), null));
    }

    @Override
    public void created(KeyEntry key) {
        append(AuditEntry.succeeded(context(), clock.instant(), key, KeyAction.CREATE, "Created.", null));
    }

    /** Appends in the background, as a change in flight until written; a failure is reported, never dropped. */
    public void append(AuditEntry entry) {
        AuditTrail target = trail;
        if (target == null) {
            return;
        }
        Runnable written = session.changesInFlight().begin();
        BackgroundCall.ofAction("Recording the change in the audit trail", () -> {
                    try {
                        target.append(entry);
                    } catch (AuditException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                })
                .tag(APPEND_TAG)
                .mutation()
                .onFailure(error -> report(error.getMessage(), entry.outcome() == AuditOutcome.SUCCESS))
                .onFinally(written)
                .runWith(runner);
    }

    /**
     * Records a bulk run, on the thread that ran it (not the FX thread).
     *
     * @return the failure in plain words, or null when every entry was written (or no trail is set)
     */
    @Override
    public String recordNow(BulkResult result, AuditContext context, String reason) {
        AuditTrail target = trail;
        if (target == null) {
            return null;
        }
        try {
            target.record(result, context, clock.instant(), reason);
            return null;
        } catch (AuditException e) {
            return e.getMessage();
        }
    }

    /** Says that the audit entry is missing and that the change itself still counts. */
    @Override
    public void report(String why, boolean changeMade) {
        problems.show(new Problem(why + (changeMade ? " The change itself still counts." : ""), null, true));
    }
}
