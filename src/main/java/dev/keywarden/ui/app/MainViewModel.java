package dev.keywarden.ui.app;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.Delay;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.ui.allkeys.AllKeysModel;
import dev.keywarden.ui.bulk.BulkContext;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.core.pacing.Parallelism;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.common.Refusals;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.incident.IncidentAudit;
import dev.keywarden.ui.keys.ConnectionKey;
import dev.keywarden.ui.keys.KeyCommands;
import dev.keywarden.ui.keys.DrainWatch;
import dev.keywarden.ui.keys.KeysModel;
import dev.keywarden.ui.keys.RotationCommands;
import dev.keywarden.ui.orgkeys.OrgKeysModel;
import dev.keywarden.ui.projects.ProjectCommands;
import dev.keywarden.ui.projects.ProjectsModel;
import dev.keywarden.ui.store.KeyStore;
import dev.keywarden.ui.watch.WatchModel;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The console's state, put together: the open connection, the one store of its keys and the views of it
 * (projects with their key figures, the selected project's keys, the organisation keys, all keys), and the
 * commands that change them. Each part has one job and its own tests; this only wires them and drives a
 * switch of connection.
 */
public final class MainViewModel {
    private final ConnectionSession session;
    private final KeyStore store = new KeyStore();
    private final Refusals refusals = new Refusals();
    private final ProjectsModel projects;
    private final KeysModel keys;
    private final ConnectionKey connectionKey;
    private final OrgKeysModel orgKeys;
    private final KeyCommands keyCommands;
    private final RotationCommands rotations;
    private final DrainWatch drains;
    private final ProjectCommands projectCommands;
    private final AllKeysModel allKeys;
    private final IncidentAudit audit;
    private final WatchModel watch;
    private final TaskRunner runner;
    private final int parallelism;
    private Supplier<String> profileName = () -> null;
    private ProblemReport problemSink = message -> { };
    private final ProblemReport problems = message -> problemSink.show(message);

    /** For tests that never reach a change's deadline: nothing is read again after it. */
    public MainViewModel(TaskRunner runner, Clock clock) {
        this(runner, clock, Parallelism.DEFAULT, (wait, then) -> { });
    }

    /**
     * @param parallelism how many calls the loads and the bulk changes have in flight at once, at most
     * @param delay       runs the read of a key once the deadline of a change that may still land has passed
     */
    public MainViewModel(TaskRunner runner, Clock clock, int parallelism, Delay delay) {
        this.runner = runner;
        this.parallelism = parallelism;
        this.session = new ConnectionSession(runner);
        this.projects = new ProjectsModel(runner, session, new OrganisationLoader(parallelism), clock, problems, store);
        this.keys = new KeysModel(projects, store);
        this.connectionKey = new ConnectionKey(session, store);
        this.orgKeys = new OrgKeysModel(runner, session, projects, problems, connectionKey);
        this.keyCommands = new KeyCommands(session, store, problems, runner, refusals, delay);
        this.projectCommands = new ProjectCommands(session, projects);
        this.allKeys = new AllKeysModel(projects);
        this.audit = new IncidentAudit(session, () -> profileName.get(), runner, clock, problems);
        keyCommands.recordChangesWith(audit);
        this.rotations = new RotationCommands(session, store, runner, keyCommands, delay);
        rotations.recordWith(audit);
        this.drains = new DrainWatch(session, store, runner, delay, clock);
        rotations.watchDrainsWith(drains);
        this.watch = new WatchModel(session, runner, store, delay, clock, WatchModel.INTERVAL);
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
        connect(api, orgKeySuffix, null);
    }

    /** As {@link #connect(ConfidentApi, String)}, with the connection's deadline for one call (null: the default). */
    public void connect(ConfidentApi api, String orgKeySuffix, Duration deadline) {
        projects.clear();
        session.switchTo(api, orgKeySuffix, deadline);
        refresh();
    }

    /** A connection is being opened: nothing of the previous one stays on screen meanwhile. */
    public void opening() {
        projects.clear();
        session.opening();
    }

    /** Loads the organisation, its projects and every key once. */
    public void refresh() {
        projects.refresh();
    }

    /**
     * Completes (on the FX thread) once no change is under way any more, audit entries included: what closing
     * the window waits for. At once when none is.
     */
    public CompletionStage<Void> changesFinished() {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        session.changesInFlight().whenNone(() -> finished.complete(null));
        return finished;
    }

    /** Stops background loads and drops the connection, when the window closes (its gateway closes after its last change). */
    public void shutdown() {
        projects.clear();
        session.shutdown();
    }

    /** What the bulk changes and the leak finder share, with where they say things and how they reach the FX thread. */
    public BulkContext incident(Notices notices, Executor fx) {
        return new BulkContext(session, runner, fx, audit, problems, notices, store, connectionKey, keyCommands, refusals, parallelism);
    }

    public ConnectionSession session() {
        return session;
    }

    /** Every key of the open organisation: the one place a key's state is held. */
    public KeyStore store() {
        return store;
    }

    /** Why an action was refused, for the status bar. */
    public Refusals refusals() {
        return refusals;
    }

    public ProjectsModel projects() {
        return projects;
    }

    public KeysModel keys() {
        return keys;
    }

    public ConnectionKey connectionKey() {
        return connectionKey;
    }

    public OrgKeysModel orgKeys() {
        return orgKeys;
    }

    public KeyCommands keyCommands() {
        return keyCommands;
    }

    /** The watch of old values draining after rotations with grace. */
    public DrainWatch drains() {
        return drains;
    }

    /** Rotations and keys created with a lifetime (the v2 key lifecycle). */
    public RotationCommands rotations() {
        return rotations;
    }

    /** The audit trail of changes made from the console; records nothing until given a folder. */
    public IncidentAudit audit() {
        return audit;
    }

    /** Where the audit trail finds the name of the connection profile in use. */
    public void setProfileName(Supplier<String> name) {
        this.profileName = name;
    }

    /** The key watch of the all-keys tab. */
    public WatchModel watch() {
        return watch;
    }

    public AllKeysModel allKeys() {
        return allKeys;
    }

    public ProjectCommands projectCommands() {
        return projectCommands;
    }
}
