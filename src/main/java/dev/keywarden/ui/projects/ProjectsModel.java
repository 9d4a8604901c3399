package dev.keywarden.ui.projects;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.OrganisationLoader.OrganizationKeysFailed;
import dev.keywarden.core.OrganisationLoader.OrganizationKeysLoaded;
import dev.keywarden.core.OrganisationLoader.OrganizationLoaded;
import dev.keywarden.core.OrganisationLoader.ProjectKeysFailed;
import dev.keywarden.core.OrganisationLoader.ProjectKeysLoaded;
import dev.keywarden.core.OrganisationLoader.ProjectsLoaded;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.keys.KeyCalls;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.common.Problems;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.store.KeyStore;
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

/**
 * The organisation's projects, which one is selected, and the one load of the organisation: one
 * {@link OrganisationLoader} run reads the organisation, its projects, its organisation keys and every
 * project's keys, and hands the keys to the {@link KeyStore}, which every keys table and figure shows.
 * Rows are updated in place, so the selection stays on the same rows. A project list asked for before a
 * project changed is asked for again instead of being shown; key lists carry the store's stamp, so a list
 * asked for before a key changed never undoes the change.
 */
public final class ProjectsModel {
    public static final String LOAD_TAG = "organisation.load";
    public static final String KEYS_TAG = "project.keys";
    public static final String RETRY_TAG = "project.keys.retry";

    private final ConnectionSession session;
    private final OrganisationLoader loader;
    private final Clock clock;
    private final ProblemReport problems;
    private final KeyStore store;
    private final ProjectRowList rows = new ProjectRowList();
    private final ObservableList<ProjectRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<ProjectRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Instant> lastRefresh = new ReadOnlyObjectWrapper<>(this, "lastRefresh");
    private final ReadOnlyObjectWrapper<Instant> refreshFailedAt = new ReadOnlyObjectWrapper<>(this, "refreshFailedAt");
    private final LoadProgress progress = new LoadProgress();
    private final ProjectFilter filter;
    private final Generation loads = new Generation();
    private final TrackedCalls calls;
    /** Counts changes to the project list that landed; a list asked for before the latest one may be stale. */
    private long projectChanges;
    private long listChangedAt;
    private Consumer<List<ApiKey>> organizationKeys = keys -> { };
    private Consumer<Exception> organizationKeysFailed = error -> { };

    public ProjectsModel(TaskRunner runner, ConnectionSession session, OrganisationLoader loader, Clock clock,
                         ProblemReport problems, KeyStore store) {
        this.calls = new TrackedCalls(runner);
        this.session = session;
        this.loader = loader;
        this.clock = clock;
        this.problems = problems;
        this.store = store;
        this.filter = new ProjectFilter(store::keysOf);
    }

    /** Reloads the organisation, the projects, the organisation keys and every project's keys, once. */
    public void refresh() {
        ConfidentApi api = session.api();
        if (api == null) {
            return;
        }
        cancelLoads();
        Generation.Token load = loads.next();
        Generation.Token connection = session.token();
        long projectsAskedAt = projectChanges;
        long keysAskedAt = store.stamp();
        boolean[] ended = new boolean[1];
        loading.set(true);
        progress.started();
        calls.run(BackgroundCall.withProgress("Loading organisation", progress -> loader.load(api, progress::accept))
                .tag(LOAD_TAG)
                .onProgressBatch(this::inBatch)
                .onProgress(event -> {
                    if (load.isCurrent() && connection.isCurrent()) {
                        apply(event, projectsAskedAt, keysAskedAt);
                    }
                })
                .onSuccess(result -> {
                    ended[0] = true;
                    if (load.isCurrent() && connection.isCurrent()) {
                        progress.finished();
                    }
                })
                .onFailure(error -> {
                    ended[0] = true;
                    if (load.isCurrent() && connection.isCurrent()) {
                        failed(connection, error);
                    }
                })
                .onFinally(() -> {
                    if (load.isCurrent()) {
                        loading.set(false);
                        if (!ended[0]) {
                            progress.problem("Stopped after " + progress.doneProperty().get() + " of "
                                    + progress.totalProperty().get() + " projects: press Reload for the rest.");
                        }
                        if (connection.isCurrent() && session.stateProperty().get() == ConnectionSession.State.CONNECTING) {
                            session.failed("Cancelled. Press F5 to try again.");
                        }
                    }
                }));
    }

    /** A batch of a load's events: the store tells its rows' changes at the batch's end; the projects' rows change once. */
    private void inBatch(Runnable work) {
        rows.inOneChange(() -> store.inBatch(work));
    }

    private void failed(Generation.Token connection, Throwable error) {
        progress.problem("Could not load the keys: " + Problems.inPlainWords(error));
        if (session.stateProperty().get() != ConnectionSession.State.CONNECTED) {
            session.couldNotLoad(error);
        } else {
            session.heard(connection, error);
            problems.report("Could not load projects", error);
        }
        if (!rows.isEmpty()) {
            refreshFailedAt.set(clock.instant());
        }
    }

    private void apply(Object event, long projectsAskedAt, long keysAskedAt) {
        if (event instanceof OrganizationLoaded loaded) {
            session.connected(loaded.organization());
        } else if (event instanceof ProjectsLoaded loaded) {
            if (listChangedAt > projectsAskedAt) {
                refresh();
                return;
            }
            showProjects(loaded.projects());
            store.projectsListed(loaded.projects(), keysAskedAt);
            progress.projects(loaded.projects().size());
            refreshed();
        } else if (event instanceof OrganizationKeysLoaded loaded) {
            store.organisationKeysListed(loaded.keys(), keysAskedAt);
            organizationKeys.accept(loaded.keys());
        } else if (event instanceof OrganizationKeysFailed failure) {
            organizationKeysFailed.accept(failure.error());
        } else if (event instanceof ProjectKeysLoaded loaded) {
            store.projectKeysListed(loaded.project(), loaded.keys(), keysAskedAt);
            progress.answered(loaded.project(), loaded.done());
        } else if (event instanceof ProjectKeysFailed failure) {
            progress.failed(failure.project(), failure.done());
            problems.report("Could not load the keys of " + failure.project().name(), failure.error());
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
                added.add(new ProjectRow(project, store.summaryOf(project.id())));
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

    /** Fetches one project's keys; the stage completes when they are shown (or the load is dropped). */
    public CompletionStage<Void> loadKeysOf(ProjectRow row) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ConfidentApi api = session.api();
        if (api == null) {
            done.complete(null);
            return done;
        }
        Generation.Token connection = session.token();
        long askedAt = store.stamp();
        calls.run(BackgroundCall.of("Loading keys of " + row.project().name(), () -> KeyCalls.of(api).projectKeys(row.id()))
                .tag(KEYS_TAG)
                .onSuccess(keys -> {
                    if (connection.isCurrent()) {
                        session.heard(connection, null);
                        store.projectKeysListed(row.project(), keys, askedAt);
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

    public void select(ProjectRow row) {
        selected.set(row);
    }

    /** Loads again the keys of the projects whose keys failed in the last load. */
    public void retryFailed() {
        ConfidentApi api = session.api();
        List<Project> again = List.copyOf(progress.failedProjects());
        if (api == null || again.isEmpty()) {
            return;
        }
        Generation.Token connection = session.token();
        long askedAt = store.stamp();
        again.forEach(progress::retried);
        calls.run(BackgroundCall.withProgress("Loading the keys of " + again.size() + (again.size() == 1 ? " project" : " projects"),
                        progress -> loader.loadKeys(api, again, progress::accept))
                .tag(RETRY_TAG)
                .onProgressBatch(this::inBatch)
                .onProgress(event -> {
                    if (!connection.isCurrent()) {
                        return;
                    }
                    if (event instanceof ProjectKeysLoaded loaded) {
                        store.projectKeysListed(loaded.project(), loaded.keys(), askedAt);
                    } else if (event instanceof ProjectKeysFailed failure) {
                        progress.failed(failure.project(), progress.doneProperty().get());
                        problems.report("Could not load the keys of " + failure.project().name(), failure.error());
                    }
                })
                .onFailure(error -> {
                    if (connection.isCurrent()) {
                        problems.report("Could not load the keys", error);
                    }
                }));
    }

    /** Forgets every project and key, and the filter's text, when the connection changes. */
    public void clear() {
        cancelLoads();
        loads.invalidate();
        loading.set(false);
        progress.clear();
        store.clear();
        filter.textProperty().set("");
        rows.clear();
        selected.set(null);
        lastRefresh.set(null);
        refreshFailedAt.set(null);
    }

    public void cancelLoads() {
        calls.cancelAll();
    }

    // ---- changes that landed on the server ---------------------------------------------------------

    /** A project the server just created, with its default key (or null); selected. */
    public ProjectRow added(Project project, ApiKey defaultKey) {
        listChangedAt = ++projectChanges;
        ProjectRow row = find(project.id()).orElseGet(() -> {
            ProjectRow fresh = new ProjectRow(project, store.summaryOf(project.id()));
            rows.add(fresh);
            return fresh;
        });
        if (defaultKey != null) {
            store.answered(KeyEntry.ofProject(project, defaultKey));
        }
        selected.set(row);
        return row;
    }

    public void updated(ProjectRow row, Project project) {
        listChangedAt = ++projectChanges;
        row.show(project);
        store.projectsRenamed(project);
    }

    public void removed(String projectId) {
        listChangedAt = ++projectChanges;
        rows.removeIf(row -> row.id().equals(projectId));
        store.projectRemoved(projectId);
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

    /** How far the load of the organisation got, for the all-keys view. */
    public LoadProgress progress() {
        return progress;
    }

    /** Every key of the organisation, which the load fills. */
    public KeyStore store() {
        return store;
    }

    public ProjectFilter filter() {
        return filter;
    }

    public Clock clock() {
        return clock;
    }
}
