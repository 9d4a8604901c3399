package dev.keywarden.ui.projects;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.OrganisationLoader.OrganizationKeysFailed;
import dev.keywarden.core.OrganisationLoader.OrganizationKeysLoaded;
import dev.keywarden.core.OrganisationLoader.OrganizationLoaded;
import dev.keywarden.core.OrganisationLoader.ProjectKeysFailed;
import dev.keywarden.core.OrganisationLoader.ProjectKeysLoaded;
import dev.keywarden.core.OrganisationLoader.ProjectsLoaded;
import dev.keywarden.core.RunningTask;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.common.Problems;
import dev.keywarden.ui.connection.ConnectionSession;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The organisation's projects with their key figures, and which one is selected. Loaded through the
 * {@link OrganisationLoader}; rows are updated in place, so the selection and anything in flight stay
 * on the same rows. A list that was asked for before a change landed may not show that change, so
 * it is asked for again instead of being shown: the screen never goes back to an older state.
 */
public final class ProjectsModel {
    public static final String LOAD_TAG = "organisation.load";
    public static final String KEYS_TAG = "project.keys";

    private final TaskRunner runner;
    private final ConnectionSession session;
    private final OrganisationLoader loader;
    private final Clock clock;
    private final ProblemReport problems;
    private final ObservableList<ProjectRow> rows = FXCollections.observableArrayList(ProjectRow::observables);
    private final ObservableList<ProjectRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<ProjectRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Instant> lastRefresh = new ReadOnlyObjectWrapper<>(this, "lastRefresh");
    private final ReadOnlyObjectWrapper<Instant> refreshFailedAt = new ReadOnlyObjectWrapper<>(this, "refreshFailedAt");
    private final ProjectFilter filter = new ProjectFilter();
    private final Generation loads = new Generation();
    private final List<RunningTask> running = new ArrayList<>();
    /** Stamps changes that landed; an answer asked for before a later stamp may be stale. */
    private long changeClock;
    private long listChangedAt;
    private Consumer<List<ApiKey>> organizationKeys = keys -> { };
    private Consumer<Exception> organizationKeysFailed = error -> { };

    public ProjectsModel(TaskRunner runner, ConnectionSession session, OrganisationLoader loader, Clock clock,
                         ProblemReport problems) {
        this.runner = runner;
        this.session = session;
        this.loader = loader;
        this.clock = clock;
        this.problems = problems;
    }

    /** Reloads the organisation, the projects and every project's keys. */
    public void refresh() {
        ConfidentApi api = session.api();
        if (api == null) {
            return;
        }
        cancelLoads();
        Generation.Token load = loads.next();
        Generation.Token connection = session.token();
        long startedAt = changeClock;
        loading.set(true);
        track(BackgroundCall.withProgress("Loading organisation", progress -> loader.load(api, progress::accept))
                .tag(LOAD_TAG)
                .onProgress(event -> {
                    if (load.isCurrent() && connection.isCurrent()) {
                        apply(api, event, startedAt);
                    }
                })
                .onFailure(error -> {
                    if (!load.isCurrent() || !connection.isCurrent()) {
                        return;
                    }
                    if (session.stateProperty().get() != ConnectionSession.State.CONNECTED) {
                        session.failed(Problems.inPlainWords(error));
                    } else {
                        session.heard(connection, error);
                        problems.report("Could not load projects", error);
                    }
                    if (!rows.isEmpty()) {
                        refreshFailedAt.set(clock.instant());
                    }
                })
                .onFinally(() -> {
                    if (load.isCurrent()) {
                        loading.set(false);
                        if (connection.isCurrent() && session.stateProperty().get() == ConnectionSession.State.CONNECTING) {
                            session.failed("Cancelled. Press F5 to try again.");
                        }
                    }
                }));
    }

    private void apply(ConfidentApi api, Object event, long startedAt) {
        if (event instanceof OrganizationLoaded loaded) {
            session.connected(loaded.organization());
        } else if (event instanceof ProjectsLoaded loaded) {
            if (listChangedAt > startedAt) {
                refresh();
                return;
            }
            showProjects(loaded.projects());
            refreshed();
        } else if (event instanceof ProjectKeysLoaded loaded) {
            find(loaded.project().id()).ifPresent(row -> showKeys(api, row, loaded.keys(), startedAt));
        } else if (event instanceof ProjectKeysFailed failed) {
            problems.report("Could not load the keys of " + failed.project().name(), failed.error());
        } else if (event instanceof OrganizationKeysLoaded loaded) {
            organizationKeys.accept(loaded.keys());
        } else if (event instanceof OrganizationKeysFailed failed) {
            organizationKeysFailed.accept(failed.error());
        }
    }

    private void showProjects(List<Project> fresh) {
        Map<String, ProjectRow> shown = new HashMap<>();
        rows.forEach(row -> shown.put(row.id(), row));
        Set<String> fetched = new HashSet<>();
        List<ProjectRow> added = new ArrayList<>();
        for (Project project : fresh) {
            fetched.add(project.id());
            ProjectRow existing = shown.get(project.id());
            if (existing == null) {
                added.add(new ProjectRow(project));
            } else {
                existing.show(project);
            }
        }
        rows.removeIf(row -> !fetched.contains(row.id()));
        rows.addAll(added);
        ProjectRow current = selected.get();
        if (current != null && !fetched.contains(current.id())) {
            selected.set(null);
        }
    }

    /** A key list asked for before a change to the same project landed is asked for again, not shown. */
    private void showKeys(ConfidentApi api, ProjectRow row, List<ApiKey> keys, long askedAt) {
        if (row.keysChangedAt() > askedAt) {
            loadKeysOf(row);
        } else if (api == session.api()) {
            row.showKeys(KeySummary.of(keys));
        }
    }

    /** Fetches one project's keys; the stage completes when they are shown (or the load is dropped). */
    public CompletionStage<Void> loadKeysOf(ProjectRow row) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ConfidentApi api = session.api();
        if (api == null) {
            done.complete(null);
            return done;
        }
        Generation.Token connection = session.token();
        long askedAt = changeClock;
        track(BackgroundCall.of("Loading keys of " + row.project().name(), () -> api.listApiKeys(row.id()))
                .tag(KEYS_TAG)
                .onSuccess(keys -> {
                    if (connection.isCurrent()) {
                        session.heard(connection, null);
                        showKeys(api, row, keys, askedAt);
                        if (row == selected.get()) {
                            refreshed();
                        }
                    }
                })
                .onFailure(error -> {
                    if (connection.isCurrent()) {
                        session.heard(connection, error);
                        problems.report("Could not load the keys of " + row.project().name(), error);
                        if (row == selected.get()) {
                            refreshFailedAt.set(clock.instant());
                        }
                    }
                })
                .onFinally(() -> done.complete(null)));
        return done;
    }

    private void refreshed() {
        lastRefresh.set(clock.instant());
        refreshFailedAt.set(null);
    }

    /**
     * Where the organisation keys that a load lists go (the organisation keys view): one load reads
     * everything, so a refresh never asks for them twice.
     */
    public void onOrganizationKeys(Consumer<List<ApiKey>> loaded, Consumer<Exception> failed) {
        this.organizationKeys = loaded;
        this.organizationKeysFailed = failed;
    }

    /** Runs a load and keeps its handle until it ends, so {@link #cancelLoads()} can stop it. */
    private void track(BackgroundCall<?> call) {
        RunningTask[] handle = new RunningTask[1];
        boolean[] ended = new boolean[1];
        call.onFinally(() -> {
            ended[0] = true;
            running.remove(handle[0]);
        });
        RunningTask task = call.runWith(runner);
        if (!ended[0]) {
            handle[0] = task;
            running.add(task);
        }
    }

    public void select(ProjectRow row) {
        selected.set(row);
    }

    /** Forgets every project, when the connection changes. */
    public void clear() {
        cancelLoads();
        loads.invalidate();
        loading.set(false);
        rows.clear();
        selected.set(null);
        lastRefresh.set(null);
        refreshFailedAt.set(null);
    }

    public void cancelLoads() {
        List.copyOf(running).forEach(RunningTask::cancel);
        running.clear();
    }

    // ---- changes that landed on the server ---------------------------------------------------------

    /** A change to this project's keys was answered: shown at once, and older key lists become stale. */
    public void keysChanged(String projectId, UnaryOperator<KeySummary> change) {
        find(projectId).ifPresent(row -> {
            row.keysChanged(++changeClock);
            if (row.keys() != null) {
                row.showKeys(change.apply(row.keys()));
            }
        });
    }

    /** A project the server just created, with its default key (or null); selected. */
    public ProjectRow added(Project project, ApiKey defaultKey) {
        listChangedAt = ++changeClock;
        ProjectRow row = find(project.id()).orElseGet(() -> {
            ProjectRow fresh = new ProjectRow(project);
            rows.add(fresh);
            return fresh;
        });
        if (defaultKey != null) {
            row.keysChanged(changeClock);
            row.showKeys(KeySummary.of(List.of(defaultKey.masked())));
        }
        selected.set(row);
        return row;
    }

    public void updated(ProjectRow row, Project project) {
        listChangedAt = ++changeClock;
        row.show(project);
    }

    public void removed(String projectId) {
        listChangedAt = ++changeClock;
        rows.removeIf(row -> row.id().equals(projectId));
        if (selected.get() != null && selected.get().id().equals(projectId)) {
            selected.set(null);
        }
    }

    public Optional<ProjectRow> find(String id) {
        return rows.stream().filter(row -> row.id().equals(id)).findFirst();
    }

    // ---- read-only state ------------------------------------------------------------------------

    public ObservableList<ProjectRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyObjectProperty<ProjectRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ProjectRow selected() {
        return selected.get();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastRefreshProperty() {
        return lastRefresh.getReadOnlyProperty();
    }

    /** When the last refresh failed while older rows stay shown (they may be out of date), else null. */
    public ReadOnlyObjectProperty<Instant> refreshFailedAtProperty() {
        return refreshFailedAt.getReadOnlyProperty();
    }

    public ProjectFilter filter() {
        return filter;
    }

    public Clock clock() {
        return clock;
    }
}
