package dev.keywarden.ui.main;

import dev.keywarden.api.ConfidentApi;
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
    private RunningTask keysLoad = RunningTask.DONE;
    private final List<RunningTask> summaryLoads = new ArrayList<>();

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
            closeQuietly(old);
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
        long generation = connectionGeneration;
        long projectsToken = ++projectsGeneration;
        BackgroundCall.of("Loading organisation", current::organization)
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
                    if (generation == connectionGeneration && connectionState.get() == ConnectionState.CONNECTING) {
                        connectionState.set(ConnectionState.FAILED);
                        connectionProblem.set("Cancelled. Press F5 to try again.");
                    }
                })
                .runWith(runner);
        projectsLoading.set(true);
        BackgroundCall.of("Loading projects", current::listProjects)
                .onSuccess(list -> {
                    if (generation == connectionGeneration && projectsToken == projectsGeneration) {
                        applyProjects(current, list);
                        lastRefresh.set(clock.instant());
                    }
                })
                .onFailure(error -> {
                    if (generation == connectionGeneration) {
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

    private void applyProjects(ConfidentApi current, List<Project> fresh) {
        String selectedId = selectedProject.get() == null ? null : selectedProject.get().id();
        List<ProjectRow> rows = new ArrayList<>(fresh.size());
        for (Project project : fresh) {
            ProjectRow row = new ProjectRow(project);
            findProject(project.id()).map(ProjectRow::keys).ifPresent(row.keysProperty()::set);
            rows.add(row);
        }
        projects.setAll(rows);
        ProjectRow reselected = selectedId == null ? null : findProject(selectedId).orElse(null);
        if (reselected != selectedProject.get()) {
            selectedProject.set(reselected);
        } else {
            loadKeys();
        }
        loadSummaries(current, rows, reselected);
    }

    private void loadSummaries(ConfidentApi current, List<ProjectRow> rows, ProjectRow skip) {
        summaryLoads.forEach(RunningTask::cancel);
        summaryLoads.clear();
        long generation = connectionGeneration;
        for (ProjectRow row : rows) {
            if (row == skip) {
                continue;
            }
            summaryLoads.add(BackgroundCall.of("Counting keys of " + row.project().name(), () -> current.listApiKeys(row.id()))
                    .bulk()
                    .onSuccess(list -> {
                        if (generation == connectionGeneration) {
                            row.keysProperty().set(KeySummary.of(list));
                        }
                    })
                    .onFailure(error -> {
                        if (generation == connectionGeneration) {
                            report("Could not load the keys of " + row.project().name(), error);
                        }
                    })
                    .runWith(runner));
        }
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
        keysLoad = BackgroundCall.of("Loading keys of " + row.project().name(), () -> current.listApiKeys(row.id()))
                .onSuccess(list -> {
                    if (generation != connectionGeneration) {
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
        BackgroundCall.of(verb + " key " + describe(row.key()), () -> current.setApiKeyValid(row.projectId(), row.id(), valid))
                .mutation()
                .onSuccess(answer -> {
                    if (generation == connectionGeneration) {
                        landKey(row, answer);
                    }
                })
                .onFailure(error -> {
                    if (generation == connectionGeneration) {
                        report((valid ? "Could not activate " : "Could not deactivate ") + describe(row.key()), error);
                    }
                })
                .onFinally(() -> {
                    settle(row);
                    findKey(row).ifPresent(MainViewModel::settle);
                })
                .runWith(runner);
    }

    private static void settle(KeyRow row) {
        row.requestedValidProperty().set(null);
        row.busyProperty().set(false);
    }

    private void landKey(KeyRow row, ApiKey answer) {
        row.keyProperty().set(answer.masked());
        findKey(row).ifPresent(shown -> shown.keyProperty().set(answer.masked()));
        findProject(row.projectId()).ifPresent(project -> {
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

    public void createProject(NewProject request, Consumer<CreatedProject> onCreated, Consumer<Throwable> onRefused) {
        ConfidentApi current = api.get();
        long generation = connectionGeneration;
        BackgroundCall.of("Creating project " + request.name(), () -> current.createProject(request))
                .mutation()
                .onSuccess(created -> {
                    if (generation != connectionGeneration) {
                        return;
                    }
                    ProjectRow row = new ProjectRow(created.project());
                    if (created.defaultKey() != null) {
                        row.keysProperty().set(KeySummary.of(List.of(created.defaultKey().masked())));
                    }
                    projects.add(row);
                    selectedProject.set(row);
                    onCreated.accept(created);
                })
                .onFailure(onRefused)
                .runWith(runner);
    }

    public void updateProject(ProjectRow row, ProjectChanges changes, Runnable onUpdated, Consumer<Throwable> onRefused) {
        ConfidentApi current = api.get();
        long generation = connectionGeneration;
        BackgroundCall.of("Saving project " + row.project().name(), () -> current.updateProject(row.id(), changes))
                .mutation()
                .onSuccess(project -> {
                    if (generation == connectionGeneration) {
                        row.projectProperty().set(project);
                        onUpdated.run();
                    }
                })
                .onFailure(onRefused)
                .runWith(runner);
    }

    public void deleteProject(ProjectRow row, Runnable onDeleted, Consumer<Throwable> onRefused) {
        ConfidentApi current = api.get();
        long generation = connectionGeneration;
        BackgroundCall.ofAction("Deleting project " + row.project().name(), () -> current.deleteProject(row.id()))
                .mutation()
                .onSuccess(done -> {
                    if (generation == connectionGeneration) {
                        projects.remove(row);
                        if (selectedProject.get() == row) {
                            selectedProject.set(null);
                        }
                        onDeleted.run();
                    }
                })
                .onFailure(onRefused)
                .runWith(runner);
    }

    public void createKey(ProjectRow row, String name, Consumer<ApiKey> onCreated, Consumer<Throwable> onRefused) {
        ConfidentApi current = api.get();
        long generation = connectionGeneration;
        BackgroundCall.of("Creating key " + name, () -> current.createApiKey(row.id(), name))
                .mutation()
                .onSuccess(created -> {
                    if (generation != connectionGeneration) {
                        return;
                    }
                    if (row.keys() != null) {
                        row.keysProperty().set(row.keys().with(created));
                    }
                    if (selectedProject.get() == row) {
                        keys.add(new KeyRow(row.id(), created));
                    }
                    onCreated.accept(created);
                })
                .onFailure(onRefused)
                .runWith(runner);
    }

    public void revokeKey(KeyRow row, Runnable onRevoked, Consumer<Throwable> onRefused) {
        ConfidentApi current = api.get();
        long generation = connectionGeneration;
        row.busyProperty().set(true);
        BackgroundCall.ofAction("Revoking key " + describe(row.key()), () -> current.revokeApiKey(row.projectId(), row.id()))
                .mutation()
                .onSuccess(done -> {
                    if (generation != connectionGeneration) {
                        return;
                    }
                    keys.removeIf(shown -> shown.sameKey(row));
                    findProject(row.projectId()).filter(project -> project.keys() != null)
                            .ifPresent(project -> project.keysProperty().set(project.keys().without(row.id())));
                    onRevoked.run();
                })
                .onFailure(onRefused)
                .onFinally(() -> row.busyProperty().set(false))
                .runWith(runner);
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
        keysLoad.cancel();
        summaryLoads.forEach(RunningTask::cancel);
        summaryLoads.clear();
    }

    private static void closeQuietly(ConfidentApi old) {
        try {
            old.close();
        } catch (RuntimeException ignored) {
            // Closing only frees the old connection's threads; nothing the user can act on.
        }
    }

    /** Stops background loads and closes the connection, when the window closes. */
    public void shutdown() {
        connectionGeneration++;
        cancelLoads();
        ConfidentApi current = api.get();
        api.set(null);
        if (current != null) {
            closeQuietly(current);
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
