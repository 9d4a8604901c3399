package dev.keywarden.ui.incident;

import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.bulk.BulkPlan;
import dev.keywarden.core.bulk.BulkResult;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.bulk.OwnKey;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.keys.OrgKeysModel;
import dev.keywarden.ui.projects.ProjectsModel;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * What the incident tools share: the connection, the models to refresh after a bulk change, the audit
 * trail, where to say things, and how to get back to the FX thread from the bulk executor's threads.
 */
public final class IncidentContext {
    private final ConnectionSession session;
    private final TaskRunner runner;
    private final Executor fx;
    private final IncidentAudit audit;
    private final ProblemReport problems;
    private final Notices notices;
    private final AllKeysModel allKeys;
    private final ProjectsModel projects;
    private final OrgKeysModel orgKeys;

    public IncidentContext(ConnectionSession session, TaskRunner runner, Executor fx, IncidentAudit audit, ProblemReport problems,
                           Notices notices, AllKeysModel allKeys, ProjectsModel projects, OrgKeysModel orgKeys) {
        this.session = session;
        this.runner = runner;
        this.fx = fx;
        this.audit = audit;
        this.problems = problems;
        this.notices = notices;
        this.allKeys = allKeys;
        this.projects = projects;
        this.orgKeys = orgKeys;
    }

    /** How many changes a bulk run has in flight at once, at most: the console's parallelism setting. */
    int parallelism() {
        return allKeys.parallelism();
    }

    /** A plan for these keys against every key loaded, knowing which organisation key the connection uses. */
    public BulkPlan plan(KeyAction action, java.util.Collection<KeyEntry> keys) {
        return BulkPlan.ofEntries(action, keys, allKeys.entries(), session.keySuffix());
    }

    /**
     * After a run: the affected projects' keys (and the organisation keys) are read again everywhere
     * they are shown, the admin is told what happened, a deactivation can be undone, and a run that
     * switched off the connection's own key says the connection is locked out.
     */
    void afterBulk(BulkResult result) {
        Set<String> projectIds = result.results().stream().filter(key -> key.outcome() != KeyResult.Outcome.NOT_SENT)
                .map(key -> key.entry().projectId()).filter(Objects::nonNull).collect(Collectors.toSet());
        boolean organisation = result.results().stream().anyMatch(key -> key.entry().kind() == KeyKind.ORGANISATION);
        allKeys.refresh(projectIds, organisation);
        projectIds.forEach(id -> projects.find(id).ifPresent(projects::loadKeysOf));
        if (organisation) {
            orgKeys.reload();
        }
        KeyAction action = result.plan().action();
        String summary = summary(result);
        if (action == KeyAction.DEACTIVATE && !result.succeeded().isEmpty()) {
            notices.offerUndo(summary, () -> undo(result));
        } else {
            notices.show(summary + (action == KeyAction.REVOKE && !result.succeeded().isEmpty()
                    ? " Revocation cannot be undone." : ""));
        }
        boolean ownKeyChanged = action != KeyAction.ACTIVATE && result.plan().ownKey() == OwnKey.INCLUDED
                && result.succeeded().stream().anyMatch(key -> result.plan().ownKeyCandidates().stream()
                .anyMatch(own -> own.ref().equals(key.entry().ref())));
        if (ownKeyChanged) {
            session.lockedOut("Locked out: this connection's organisation key was " + action.pastTense()
                    + ". Edit the connection to use another key.");
        }
    }

    /** Reactivates exactly the keys a deactivation switched off. */
    public void undo(BulkResult deactivation) {
        BulkPlan undo = deactivation.undo();
        new BulkModel(this, undo).start("Undo");
    }

    static String summary(BulkResult result) {
        String verb = result.plan().action().pastTense();
        int changed = result.succeeded().size();
        StringBuilder text = new StringBuilder(Character.toUpperCase(verb.charAt(0)) + verb.substring(1) + " " + changed + " of "
                + result.results().size() + (result.results().size() == 1 ? " key." : " keys."));
        if (!result.failed().isEmpty()) {
            text.append(" ").append(result.failed().size()).append(" failed.");
        }
        if (!result.notSent().isEmpty()) {
            text.append(" ").append(result.notSent().size()).append(" not sent (cancelled).");
        }
        return text.toString();
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

    public IncidentAudit audit() {
        return audit;
    }

    public ProblemReport problems() {
        return problems;
    }

    public Notices notices() {
        return notices;
    }

    public AllKeysModel allKeys() {
        return allKeys;
    }
}
