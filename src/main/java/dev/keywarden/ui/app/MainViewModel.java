package dev.keywarden.ui.app;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.pacing.Parallelism;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.incident.AllKeysModel;
import dev.keywarden.ui.incident.IncidentAudit;
import dev.keywarden.ui.keys.KeyCommands;
import dev.keywarden.ui.keys.KeysModel;
import dev.keywarden.ui.keys.OrgKeysModel;
import dev.keywarden.ui.projects.ProjectCommands;
import dev.keywarden.ui.projects.ProjectsModel;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The console's state, put together: the open connection, its projects, the selected project's keys
 * and the commands that change them. Each part has one job and its own tests; this only wires them
 * and drives a switch of connection.
 */
public final class MainViewModel {
    private final ConnectionSession session;
    private final ProjectsModel projects;
    private final KeysModel keys;
    private final OrgKeysModel orgKeys;
    private final KeyCommands keyCommands;
    private final ProjectCommands projectCommands;
    private final AllKeysModel allKeys;
    private final IncidentAudit audit;
    private Supplier<String> profileName = () -> null;
    private ProblemReport problemSink = message -> { };
    private final ProblemReport problems = message -> problemSink.show(message);

    public MainViewModel(TaskRunner runner, Clock clock) {
        this(runner, clock, Parallelism.DEFAULT);
    }

    /** @param parallelism how many calls the loads and the bulk changes have in flight at once, at most */
    public MainViewModel(TaskRunner runner, Clock clock, int parallelism) {
        this.session = new ConnectionSession(runner);
        this.projects = new ProjectsModel(runner, session, new OrganisationLoader(parallelism), clock, problems);
        this.keys = new KeysModel(projects);
        this.orgKeys = new OrgKeysModel(runner, session, projects, problems);
        this.keyCommands = new KeyCommands(session, projects, keys, orgKeys, problems, runner);
        this.projectCommands = new ProjectCommands(session, projects);
        this.allKeys = new AllKeysModel(runner, session, new OrganisationLoader(parallelism), problems);
        this.audit = new IncidentAudit(session, () -> profileName.get(), runner, clock, problems);
        keyCommands.recordChangesWith(allKeys.following(audit));
    }

    /** Where failures of background work are told to the admin, in plain words. */
    public void setProblemSink(ProblemReport sink) {
        this.problemSink = sink;
    }

    /** Reports to whatever sink is set now, for features wired in the view. */
    public ProblemReport problems() {
        return problems;
    }

    /** Switches to another organisation: everything shown for the previous one is dropped at once. */
    public void connect(ConfidentApi api) {
        connect(api, null);
    }

    /** As {@link #connect(ConfidentApi)}, knowing the last six characters of the connection's organisation key. */
    public void connect(ConfidentApi api, String orgKeySuffix) {
        projects.clear();
        session.switchTo(api, orgKeySuffix);
        refresh();
    }

    /** A connection is being opened: nothing of the previous one stays on screen meanwhile. */
    public void opening() {
        projects.clear();
        session.opening();
    }

    /** Reloads the organisation, the projects, every project's keys and the selected project's keys. */
    public void refresh() {
        projects.refresh();
        if (allKeys.loadedProperty().get()) {
            allKeys.load();
        }
    }

    /** Stops background loads and closes the connection, when the window closes. */
    public void shutdown() {
        projects.clear();
        session.shutdown();
    }

    public ConnectionSession session() {
        return session;
    }

    public ProjectsModel projects() {
        return projects;
    }

    public KeysModel keys() {
        return keys;
    }

    public OrgKeysModel orgKeys() {
        return orgKeys;
    }

    public KeyCommands keyCommands() {
        return keyCommands;
    }

    /** The audit trail of changes made from the console; records nothing until given a folder. */
    public IncidentAudit audit() {
        return audit;
    }

    /** Where the audit trail finds the name of the connection profile in use. */
    public void setProfileName(Supplier<String> name) {
        this.profileName = name;
    }

    public AllKeysModel allKeys() {
        return allKeys;
    }

    public ProjectCommands projectCommands() {
        return projectCommands;
    }
}
