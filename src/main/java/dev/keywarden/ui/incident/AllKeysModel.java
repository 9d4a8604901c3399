package dev.keywarden.ui.incident;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.pacing.Parallelism;
import dev.keywarden.core.OrganisationLoader.OrganizationKeysFailed;
import dev.keywarden.core.OrganisationLoader.OrganizationKeysLoaded;
import dev.keywarden.core.OrganisationLoader.ProjectKeysFailed;
import dev.keywarden.core.OrganisationLoader.ProjectKeysLoaded;
import dev.keywarden.core.OrganisationLoader.ProjectsLoaded;
import dev.keywarden.core.RunningTask;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.common.Problems;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.keys.KeyChangeRecorder;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Every key of the organisation, organisation keys and project keys alike, loaded with the
 * {@link OrganisationLoader} at its parallelism ({@link Parallelism#DEFAULT} unless configured). Rows appear as each project
 * answers; projects whose keys failed are listed for a retry. A load can be cancelled; an answer for
 * a connection the admin left, or overtaken by a later load, is dropped.
 */
public final class AllKeysModel {
    public static final String LOAD_TAG = "allKeys.load";
    public static final String RETRY_TAG = "allKeys.retry";
    public static final String RELOAD_TAG = "allKeys.reloadSome";

    private final TaskRunner runner;
    private final ConnectionSession session;
    private final OrganisationLoader loader;
    private final ProblemReport problems;
    private final ObservableList<AllKeyRow> rows = FXCollections.observableArrayList(AllKeyRow::observables);
    private final ObservableList<AllKeyRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<Project> failed = FXCollections.observableArrayList();
    private final ObservableList<Project> readOnlyFailed = FXCollections.unmodifiableObservableList(failed);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final Generation loads = new Generation();
    private final List<Project> projects = new ArrayList<>();
    private RunningTask running = RunningTask.DONE;

    public AllKeysModel(TaskRunner runner, ConnectionSession session, ProblemReport problems) {
        this(runner, session, new OrganisationLoader(Parallelism.DEFAULT), problems);
    }

    public AllKeysModel(TaskRunner runner, ConnectionSession session, OrganisationLoader loader, ProblemReport problems) {
        this.runner = runner;
        this.session = session;
        this.loader = loader;
        this.problems = problems;
        session.apiProperty().addListener((obs, before, now) -> clear());
    }

    /** How many calls its loads have in flight at once, at most; bulk changes from the console use the same. */
    public int parallelism() {
        return loader.parallelism();
    }

    /** Loads every key again; rows already shown stay until their project answers. */
    public void load() {
        ConfidentApi api = session.api();
        if (api == null) {
            return;
        }
        running.cancel();
        Generation.Token load = loads.next();
        Generation.Token connection = session.token();
        loading.set(true);
        problem.set(null);
        failed.clear();
        done.set(0);
        total.set(0);
        running = BackgroundCall.withProgress("Loading every key of the organisation", progress -> loader.load(api, progress::accept))
                .tag(LOAD_TAG)
                .onProgress(event -> {
                    if (load.isCurrent() && connection.isCurrent()) {
                        apply(event);
                    }
                })
                .onSuccess(result -> {
                    if (load.isCurrent() && connection.isCurrent()) {
                        session.heard(connection, null);
                        loaded.set(true);
                    }
                })
                .onFailure(error -> {
                    if (load.isCurrent() && connection.isCurrent()) {
                        session.heard(connection, error);
                        problem.set("Could not load the keys: " + Problems.inPlainWords(error));
                        problems.report("Could not load every key of the organisation", error);
                    }
                })
                .onFinally(() -> finished(load))
                .runWith(runner);
    }

    /** Loads only if nothing was loaded for this connection yet. */
    public void loadIfNeeded() {
        if (!loaded.get() && !loading.get()) {
            load();
        }
    }

    /** Stops the load: rows already shown stay, and the count says how far it got. */
    public void cancel() {
        if (loading.get()) {
            running.cancel();
            loads.invalidate();
            loading.set(false);
            problem.set("Stopped after " + done.get() + " of " + total.get() + " projects: press Reload for the rest.");
        }
    }

    /** Loads again the keys of the projects that failed. */
    public void retryFailed() {
        reloadProjects(List.copyOf(failed), RETRY_TAG);
    }

    /** Reads again the keys of these projects (and the organisation keys when asked), e.g. after a bulk change. */
    public CompletionStage<Void> refresh(Set<String> projectIds, boolean organisationKeys) {
        List<Project> some = projects.stream().filter(project -> projectIds.contains(project.id())).toList();
        CompletionStage<Void> keysDone = reloadProjects(some, RELOAD_TAG);
        if (!organisationKeys || session.api() == null) {
            return keysDone;
        }
        ConfidentApi api = session.api();
        Generation.Token connection = session.token();
        CompletableFuture<Void> orgDone = new CompletableFuture<>();
        BackgroundCall.of("Loading organisation keys", api::listOrganizationApiKeys)
                .tag(RELOAD_TAG)
                .onSuccess(keys -> {
                    if (connection.isCurrent()) {
                        showOrganisationKeys(keys);
                    }
                })
                .onFailure(error -> problems.report("Could not load the organisation keys", error))
                .onFinally(() -> orgDone.complete(null))
                .runWith(runner);
        return keysDone.thenCombine(orgDone, (a, b) -> null);
    }

    /**
     * Follows a single change made in another keys table: once it is answered, the key's project (or the
     * organisation keys) is read again here, if this table was loaded.
     */
    public KeyChangeRecorder following(KeyChangeRecorder next) {
        return (key, action) -> {
            Consumer<Throwable> recorded = next.sending(key, action);
            return error -> {
                recorded.accept(error);
                if (loaded.get()) {
                    refresh(key.projectId() == null ? Set.of() : Set.of(key.projectId()), key.kind() == KeyKind.ORGANISATION);
                }
            };
        };
    }

    private CompletionStage<Void> reloadProjects(List<Project> some, String tag) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        ConfidentApi api = session.api();
        if (api == null || some.isEmpty()) {
            finished.complete(null);
            return finished;
        }
        Generation.Token connection = session.token();
        failed.removeAll(some);
        BackgroundCall.withProgress("Loading the keys of " + some.size() + (some.size() == 1 ? " project" : " projects"),
                        progress -> loader.loadKeys(api, some, progress::accept))
                .tag(tag)
                .onProgress(event -> {
                    if (connection.isCurrent()) {
                        apply(event);
                    }
                })
                .onFailure(error -> problems.report("Could not load the keys", error))
                .onFinally(() -> finished.complete(null))
                .runWith(runner);
        return finished;
    }

    private void apply(Object event) {
        if (event instanceof ProjectsLoaded loaded) {
            projects.clear();
            projects.addAll(loaded.projects());
            total.set(loaded.projects().size());
            Set<String> ids = Set.copyOf(loaded.projects().stream().map(Project::id).toList());
            rows.removeIf(row -> row.kind() == KeyKind.PROJECT && !ids.contains(row.projectId()));
        } else if (event instanceof OrganizationKeysLoaded loaded) {
            showOrganisationKeys(loaded.keys());
        } else if (event instanceof OrganizationKeysFailed failure) {
            problems.report("Could not load the organisation keys", failure.error());
        } else if (event instanceof ProjectKeysLoaded loaded) {
            replace(row -> Objects.equals(row.projectId(), loaded.project().id()),
                    loaded.keys().stream().map(key -> KeyEntry.ofProject(loaded.project(), key)).toList());
            failed.remove(loaded.project());
            if (loading.get()) {
                done.set(loaded.done());
            }
        } else if (event instanceof ProjectKeysFailed failure) {
            if (!failed.contains(failure.project())) {
                failed.add(failure.project());
            }
            if (loading.get()) {
                done.set(failure.done());
            }
        }
    }

    private void showOrganisationKeys(List<ApiKey> keys) {
        replace(row -> row.kind() == KeyKind.ORGANISATION, keys.stream().map(KeyEntry::ofOrganisation).toList());
    }

    /** Replaces the rows the test picks with the entries, keeping the place of the first one. */
    private void replace(java.util.function.Predicate<AllKeyRow> which, List<KeyEntry> entries) {
        int at = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (which.test(rows.get(i))) {
                at = i;
                break;
            }
        }
        rows.removeIf(which);
        List<AllKeyRow> fresh = entries.stream().map(AllKeyRow::new).toList();
        if (at < 0 || at > rows.size()) {
            rows.addAll(fresh);
        } else {
            rows.addAll(at, fresh);
        }
    }

    private void finished(Generation.Token load) {
        if (load.isCurrent()) {
            loading.set(false);
        }
    }

    private void clear() {
        running.cancel();
        loads.invalidate();
        loading.set(false);
        loaded.set(false);
        rows.clear();
        failed.clear();
        projects.clear();
        done.set(0);
        total.set(0);
        problem.set(null);
    }

    /** Every key shown, as last answered: what the leak finder and bulk plans match against. */
    public List<KeyEntry> entries() {
        return rows.stream().map(AllKeyRow::entry).toList();
    }

    public ObservableList<AllKeyRow> rows() {
        return readOnlyRows;
    }

    /** Projects whose keys could not be loaded, until a retry loads them. */
    public ObservableList<Project> failedProjects() {
        return readOnlyFailed;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether a whole load finished for this connection (some projects may have failed). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Projects that answered so far in the running load. */
    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Projects to load in the running load. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Why the last load failed or stopped, in plain words; else null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
