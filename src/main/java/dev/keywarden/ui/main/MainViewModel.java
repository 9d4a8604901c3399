package dev.keywarden.ui.main;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.common.DaemonThreads;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.RunningTask;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.CreatedProject;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;
import dev.keywarden.model.ProjectChanges;
import dev.keywarden.ui.Problems;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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
import java.util.function.Consumer;

/**
 * The state of the main window and every action on it. All network work goes through the
 * {@link TaskRunner}; every result is checked against what the user is looking at now before it
 * lands, so a late answer never changes the wrong project, key or connection.
 */
public final class MainViewModel {

    public enum ConnectionState { DISCONNECTED, CONNECTING, CONNECTED, FAILED }

    private final TaskRunner runner;
    private final Clock clock;

    private final ObjectProperty<ConfidentApi> api = new SimpleObjectProperty<>(this, "api");
    private final ObjectProperty<Organization> organization = new SimpleObjectProperty<>(this, "organization");
    private final ObjectProperty<ConnectionState> connectionState =
            new SimpleObjectProperty<>(this, "connectionState", ConnectionState.DISCONNECTED);
    private final StringProperty connectionProblem = new SimpleStringProperty(this, "connectionProblem");
    private final ObservableList<ProjectRow> projects = FXCollections.observableArrayList(ProjectRow::observables);
    private final ObjectProperty<ProjectRow> selectedProject = new SimpleObjectProperty<>(this, "selectedProject");
    private final ObservableList<KeyRow> keys = FXCollections.observableArrayList(KeyRow::observables);
    private final BooleanProperty projectsLoading = new SimpleBooleanProperty(this, "projectsLoading");
    private final BooleanProperty keysLoading = new SimpleBooleanProperty(this, "keysLoading");
    private final ObjectProperty<Instant> lastRefresh = new SimpleObjectProperty<>(this, "lastRefresh");
    private final ProjectFilter filter = new ProjectFilter();

    private Consumer<String> problemSink = message -> { };
    private long connectionGeneration;
    private long keysGeneration;
    private long projectsGeneration;
    private long organizationGeneration;
    private long projectListChanges;
    private RunningTask keysLoad = RunningTask.DONE;
    private RunningTask organizationLoad = RunningTask.DONE;
    private RunningTask projectsLoad = RunningTask.DONE;
    private final List<RunningTask> summaryLoads = new ArrayList<>();
    private final Map<ConfidentApi, Integer> changesInFlight = new HashMap<>();

    public MainViewModel(TaskRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
        selectedProject.addListener((obs, before, now) -> loadKeys());
    }

    /** Where failures of background work are told to the user, in plain words. */
    public void setProblemSink(Consumer<String> sink) {
        this.problemSink = sink;
    }

    // ---- connection -------------------------------------------------------------------------

    /** Switches to another organisation: everything shown for the previous one is dropped at once. */
    public void connect(ConfidentApi newApi) {
        connectionGeneration++;
        cancelLoads();
        ConfidentApi old = api.get();
        api.set(newApi);
        organization.set(null);
        projects.clear();
        keys.clear();
        selectedProject.set(null);
        lastRefresh.set(null);
        connectionProblem.set(null);
        connectionState.set(newApi == null ? ConnectionState.DISCONNECTED : ConnectionState.CONNECTING);
        if (old != null && old != newApi) {
            retire(old);
        }
        if (newApi != null) {
            refresh();
        }
    }

    /** Reloads the organisation, the projects, every project's keys and the selected project's keys. */
    public void refresh() {
        ConfidentApi current = api.get();
        if (current == null) {
            return;
        }
        organizationLoad.cancel();
        projectsLoad.cancel();
        long generation = connectionGeneration;
        long projectsToken = ++projectsGeneration;
        long organizationToken = ++organizationGeneration;
        long changesAtStart = projectListChanges;
        organizationLoad = BackgroundCall.of("Loading organisation", current::organization)
                .onSuccess(org -> {
                    if (generation == connectionGeneration) {
                        organization.set(org);
                        connectionState.set(ConnectionState.CONNECTED);
                        connectionProblem.set(null);
                    }
                })
                .onFailure(error -> {
                    if (generation == connectionGeneration) {
                        connectionState.set(ConnectionState.FAILED);
                        connectionProblem.set(Problems.describe(error));
                    }
                })
                .onFinally(() -> {
                    if (generation == connectionGeneration && organizationToken == organizationGeneration
                            && connectionState.get() == ConnectionState.CONNECTING) {
                        connectionState.set(ConnectionState.FAILED);
                        connectionProblem.set("Cancelled. Press F5 to try again.");
                    }
                })
                .runWith(runner);
        projectsLoading.set(true);
        projectsLoad = BackgroundCall.of("Loading projects", current::listProjects)
                .onSuccess(list -> {
                    if (generation != connectionGeneration || projectsToken != projectsGeneration) {
                        return;
                    }
                    if (projectListChanges != changesAtStart) {
                        refresh();
                        return;
                    }
                    applyProjects(current, list);
                    lastRefresh.set(clock.instant());
                })
                .onFailure(error -> {
                    if (generation == connectionGeneration && projectsToken == projectsGeneration) {
                        report("Could not load projects", error);
                    }
                })
                .onFinally(() -> {
                    if (projectsToken == projectsGeneration) {
                        projectsLoading.set(false);
                    }
                })
                .runWith(runner);
    }

    /** Updates the rows in place, so the selection and anything in flight stay on the same rows. */
    private void applyProjects(ConfidentApi current, List<Project> fresh) {
        Map<String, ProjectRow> shown = new HashMap<>();
        projects.forEach(row -> shown.put(row.id(), row));
        Set<String> fetched = new HashSet<>();
        List<ProjectRow> added = new ArrayList<>();
        for (Project project : fresh) {
            fetched.add(project.id());
            ProjectRow existing = shown.get(project.id());
            if (existing == null) {
                added.add(new ProjectRow(project));
            } else {
                existing.projectProperty().set(project);
            }
        }
        projects.removeIf(row -> !fetched.contains(row.id()));
        projects.addAll(added);
        ProjectRow selected = selectedProject.get();
        if (selected != null && !fetched.contains(selected.id())) {
            selectedProject.set(null);
        } else {
            loadKeys();
        }
        summaryLoads.forEach(RunningTask::cancel);
        summaryLoads.clear();
        for (ProjectRow row : projects) {
            if (row != selectedProject.get()) {
                loadSummary(current, row);
            }
        }
    }

    private void loadSummary(ConfidentApi current, ProjectRow row) {
        long generation = connectionGeneration;
        long changesAtStart = row.keyChanges();
        summaryLoads.add(BackgroundCall.of("Counting keys of " + row.project().name(), () -> current.listApiKeys(row.id()))
                .bulk()
                .onSuccess(list -> {
                    if (generation != connectionGeneration) {
                        return;
                    }
                    if (row.keyChanges() != changesAtStart) {
                        loadSummary(current, row);
                        return;
                    }
                    row.keysProperty().set(KeySummary.of(list));
                })
                .onFailure(error -> {
                    if (generation == connectionGeneration) {
                        report("Could not load the keys of " + row.project().name(), error);
                    }
                })
                .runWith(runner));
    }

    // ---- keys of the selected project ---------------------------------------------------------

    private void loadKeys() {
        keysLoad.cancel();
        long token = ++keysGeneration;
        ProjectRow row = selectedProject.get();
        ConfidentApi current = api.get();
        if (row == null || current == null) {
            keys.clear();
            keysLoading.set(false);
            return;
        }
        if (row.keys() != null) {
            showKeys(row, row.keys().keys());
        } else {
            keys.clear();
        }
        keysLoading.set(true);
        long generation = connectionGeneration;
        long changesAtStart = row.keyChanges();
        keysLoad = BackgroundCall.of("Loading keys of " + row.project().name(), () -> current.listApiKeys(row.id()))
                .onSuccess(list -> {
                    if (generation != connectionGeneration) {
                        return;
                    }
                    if (row.keyChanges() != changesAtStart) {
                        // A change landed after this list was asked for: it may not show it, so ask again.
                        if (token == keysGeneration) {
                            loadKeys();
                        }
                        return;
                    }
                    row.keysProperty().set(KeySummary.of(list));
                    if (token == keysGeneration) {
                        showKeys(row, list);
                    }
                })
                .onFailure(error -> {
                    if (generation == connectionGeneration && token == keysGeneration) {
                        report("Could not load the keys of " + row.project().name(), error);
                    }
                })
                .onFinally(() -> {
                    if (token == keysGeneration) {
                        keysLoading.set(false);
                    }
                })
                .runWith(runner);
    }

    /**
     * Shows a project's keys as just fetched. Rows already shown for the same key are updated in place,
     * so the selection and a change in flight stay on them; a busy row waits for its own answer.
     */
    private void showKeys(ProjectRow row, List<ApiKey> list) {
        Map<Long, KeyRow> shown = new HashMap<>();
        keys.removeIf(existing -> !existing.projectId().equals(row.id()));
        keys.forEach(existing -> shown.put(existing.id(), existing));
        Set<Long> fetched = new HashSet<>();
        List<KeyRow> added = new ArrayList<>();
        for (ApiKey key : list) {
            fetched.add(key.id());
            KeyRow existing = shown.get(key.id());
            if (existing == null) {
                added.add(new KeyRow(row.id(), key));
            } else if (!existing.isBusy()) {
                existing.keyProperty().set(key.masked());
            }
        }
        keys.removeIf(existing -> !fetched.contains(existing.id()));
        keys.addAll(added);
    }

    /** Fetches the selected project's keys again, e.g. so that "last used" keeps up while the window is open. */
    public void reloadKeys() {
        if (!keysLoading.get()) {
            loadKeys();
        }
    }

    /**
     * Sends {@code {"valid": …}} for one key. The row is busy until the server answers, then shows
     * exactly what the server answered; on failure it keeps what it had and the reason is reported.
     */
    public void setKeyValid(KeyRow row, boolean valid) {
        ConfidentApi current = api.get();
        if (current == null || row.isBusy() || row.key().valid() == valid) {
            return;
        }
        long generation = connectionGeneration;
        row.busyProperty().set(true);
        row.requestedValidProperty().set(valid);
        String verb = valid ? "Activating" : "Deactivating";
        change(current, BackgroundCall.of(verb + " key " + describe(row.key()),
                        () -> current.setApiKeyValid(row.projectId(), row.id(), valid))
                .onSuccess(answer -> {
                    if (generation == connectionGeneration) {
                        landKey(row, answer);
                    }
                })
                .onFailure(error -> reportChange(generation,
                        (valid ? "Could not activate " : "Could not deactivate ") + describe(row.key()), error))
                .onFinally(() -> {
                    settle(row);
                    findKey(row).ifPresent(MainViewModel::settle);
                }));
    }

    private static void settle(KeyRow row) {
        row.requestedValidProperty().set(null);
        row.busyProperty().set(false);
    }

    private void landKey(KeyRow row, ApiKey answer) {
        row.keyProperty().set(answer.masked());
        findKey(row).ifPresent(shown -> shown.keyProperty().set(answer.masked()));
        findProject(row.projectId()).ifPresent(project -> {
            project.keyChanged();
            if (project.keys() != null) {
                project.keysProperty().set(project.keys().with(answer));
            }
        });
    }

    /** The row currently shown for the same key, if the table still shows that project. */
    private Optional<KeyRow> findKey(KeyRow row) {
        return keys.stream().filter(shown -> shown != row && shown.sameKey(row)).findFirst();
    }

    private Optional<ProjectRow> findProject(String id) {
        return projects.stream().filter(row -> row.id().equals(id)).findFirst();
    }

    // ---- project and key actions, driven by dialogs ------------------------------------------
    // The dialog always hears the outcome, even after a switch of connection: it must close, and a new
    // key's raw value must still be shown once. Only the lists ignore answers for a connection left.

    public void createProject(NewProject request, Consumer<CreatedProject> onCreated, Consumer<Throwable> onRefused) {
        ConfidentApi current = api.get();
        long generation = connectionGeneration;
        change(current, BackgroundCall.of("Creating project " + request.name(), () -> current.createProject(request))
                .onSuccess(created -> {
                    if (generation == connectionGeneration) {
                        projectListChanges++;
                        ProjectRow row = findProject(created.project().id()).orElseGet(() -> {
                            ProjectRow fresh = new ProjectRow(created.project());
                            projects.add(fresh);
                            return fresh;
                        });
                        if (created.defaultKey() != null) {
                            row.keyChanged();
                            row.keysProperty().set(KeySummary.of(List.of(created.defaultKey().masked())));
                        }
                        selectedProject.set(row);
                    }
                    onCreated.accept(created);
                })
                .onFailure(onRefused));
    }

    public void updateProject(ProjectRow row, ProjectChanges changes, Runnable onUpdated, Consumer<Throwable> onRefused) {
        ConfidentApi current = api.get();
        long generation = connectionGeneration;
        change(current, BackgroundCall.of("Saving project " + row.project().name(), () -> current.updateProject(row.id(), changes))
                .onSuccess(project -> {
                    if (generation == connectionGeneration) {
                        projectListChanges++;
                        row.projectProperty().set(project);
                    }
                    onUpdated.run();
                })
                .onFailure(onRefused));
    }

    /** A 404 means the project is gone already, which is what was asked (also when a retried DELETE lost its first answer). */
    public void deleteProject(ProjectRow row, Runnable onDeleted, Consumer<Throwable> onRefused) {
        ConfidentApi current = api.get();
        long generation = connectionGeneration;
        Runnable gone = () -> {
            if (generation == connectionGeneration) {
                projectListChanges++;
                projects.removeIf(shown -> shown.id().equals(row.id()));
                if (selectedProject.get() == row) {
                    selectedProject.set(null);
                }
            }
            onDeleted.run();
        };
        change(current, BackgroundCall.ofAction("Deleting project " + row.project().name(), () -> current.deleteProject(row.id()))
                .onSuccess(done -> gone.run())
                .onFailure(error -> {
                    if (error instanceof NotFoundException) {
                        gone.run();
                    } else {
                        onRefused.accept(error);
                    }
                }));
    }

    public void createKey(ProjectRow row, String name, Consumer<ApiKey> onCreated, Consumer<Throwable> onRefused) {
        ConfidentApi current = api.get();
        long generation = connectionGeneration;
        change(current, BackgroundCall.of("Creating key " + name, () -> current.createApiKey(row.id(), name))
                .onSuccess(created -> {
                    if (generation == connectionGeneration) {
                        row.keyChanged();
                        if (row.keys() != null) {
                            row.keysProperty().set(row.keys().with(created));
                        }
                        boolean shown = keys.stream().anyMatch(key -> key.projectId().equals(row.id()) && key.id() == created.id());
                        if (selectedProject.get() == row && !shown) {
                            keys.add(new KeyRow(row.id(), created));
                        }
                    }
                    onCreated.accept(created);
                })
                .onFailure(onRefused));
    }

    /** A 404 means the key is gone already, which is what was asked. */
    public void revokeKey(KeyRow row, Runnable onRevoked, Consumer<Throwable> onRefused) {
        ConfidentApi current = api.get();
        long generation = connectionGeneration;
        row.busyProperty().set(true);
        Runnable gone = () -> {
            if (generation == connectionGeneration) {
                keys.removeIf(shown -> shown.sameKey(row));
                findProject(row.projectId()).ifPresent(project -> {
                    project.keyChanged();
                    if (project.keys() != null) {
                        project.keysProperty().set(project.keys().without(row.id()));
                    }
                });
            }
            onRevoked.run();
        };
        change(current, BackgroundCall.ofAction("Revoking key " + describe(row.key()),
                        () -> current.revokeApiKey(row.projectId(), row.id()))
                .onSuccess(done -> gone.run())
                .onFailure(error -> {
                    if (error instanceof NotFoundException) {
                        gone.run();
                    } else {
                        onRefused.accept(error);
                    }
                })
                .onFinally(() -> row.busyProperty().set(false)));
    }

    /**
     * Runs a change on the server. It is never cancelled by a switch of connection: the connection
     * it went to is closed only once its last change has answered.
     */
    private <T> void change(ConfidentApi target, BackgroundCall<T> call) {
        changesInFlight.merge(target, 1, Integer::sum);
        call.mutation()
                .onFinally(() -> {
                    if (changesInFlight.merge(target, -1, Integer::sum) <= 0) {
                        changesInFlight.remove(target);
                        if (target != api.get()) {
                            closeInBackground(target);
                        }
                    }
                })
                .runWith(runner);
    }

    private void retire(ConfidentApi old) {
        if (!changesInFlight.containsKey(old)) {
            closeInBackground(old);
        }
    }

    /** A failed change is reported even after the admin moved to another connection, saying so. */
    private void reportChange(long generation, String what, Throwable error) {
        report(generation == connectionGeneration ? what : "On the connection you left: " + what, error);
    }

    // ---- helpers ------------------------------------------------------------------------------

    public static String describe(ApiKey key) {
        String name = key.name() == null || key.name().isBlank() ? "#" + key.id() : "\u201c" + key.name() + "\u201d";
        return name + " (\u2026" + key.suffix() + ")";
    }

    private void report(String what, Throwable error) {
        problemSink.accept(what + ": " + Problems.describe(error));
    }

    private void cancelLoads() {
        organizationLoad.cancel();
        projectsLoad.cancel();
        keysLoad.cancel();
        summaryLoads.forEach(RunningTask::cancel);
        summaryLoads.clear();
    }

    /** Closing may talk to the network (TLS close), so it happens off the FX thread. */
    private static void closeInBackground(ConfidentApi old) {
        new DaemonThreads("keywarden-close").newThread(() -> {
            try {
                old.close();
            } catch (RuntimeException ignored) {
                // Closing only frees the old connection's threads; nothing the user can act on.
            }
        }).start();
    }

    /** Stops background loads and closes the connection, when the window closes. */
    public void shutdown() {
        connectionGeneration++;
        cancelLoads();
        ConfidentApi current = api.get();
        api.set(null);
        if (current != null) {
            closeInBackground(current);
        }
    }

    // ---- properties -----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<ConfidentApi> apiProperty() {
        return api;
    }

    public ObjectProperty<Organization> organizationProperty() {
        return organization;
    }

    public ObjectProperty<ConnectionState> connectionStateProperty() {
        return connectionState;
    }

    public StringProperty connectionProblemProperty() {
        return connectionProblem;
    }

    public ObservableList<ProjectRow> projects() {
        return projects;
    }

    public ObjectProperty<ProjectRow> selectedProjectProperty() {
        return selectedProject;
    }

    public ObservableList<KeyRow> keys() {
        return keys;
    }

    public BooleanProperty projectsLoadingProperty() {
        return projectsLoading;
    }

    public BooleanProperty keysLoadingProperty() {
        return keysLoading;
    }

    public ObjectProperty<Instant> lastRefreshProperty() {
        return lastRefresh;
    }

    public ProjectFilter filter() {
        return filter;
    }

    public Clock clock() {
        return clock;
    }
}
