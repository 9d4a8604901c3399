package dev.keywarden.ui;

import dev.keywarden.LaunchOptions;
import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.OrgKey;
import dev.keywarden.core.ApiFactory;
import dev.keywarden.core.AppContext;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.ConnectionTester;
import dev.keywarden.core.EmbeddedSandbox;
import dev.keywarden.core.EnvironmentProfile;
import dev.keywarden.core.Profile;
import dev.keywarden.core.ProfileStore;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.sandbox.SandboxServer;
import dev.keywarden.ui.connection.ConnectionDialog;
import dev.keywarden.ui.main.ConnectionChoice;
import dev.keywarden.ui.main.ConnectionChoice.Kind;
import dev.keywarden.ui.main.ConnectionsModel;
import dev.keywarden.ui.main.MainViewModel;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Which organisation the console talks to: the demo sandbox, the environment's key, or a saved
 * profile. Opening one reads its key and starts the gateway in the background; a later choice
 * wins over an earlier one still opening.
 */
public final class ConnectionController {
    public static final String SANDBOX_NAME = "Demo sandbox";
    private static final String SANDBOX_LABEL = "DEMO";
    private static final String SANDBOX_COLOUR = "#d97706";

    private final MainViewModel model;
    private final ConnectionsModel connections;
    private final TaskRunner runner;
    private final AppContext context;
    private final ApiFactory apiFactory;
    private final EmbeddedSandbox sandbox;
    private final Supplier<Window> owner;
    private final Consumer<String> problem;
    private final Optional<EnvironmentProfile> environment;
    private long openGeneration;

    public ConnectionController(MainViewModel model, ConnectionsModel connections, TaskRunner runner, AppContext context,
                                ApiFactory apiFactory, EmbeddedSandbox sandbox, Supplier<Window> owner, Consumer<String> problem) {
        this.model = model;
        this.connections = connections;
        this.runner = runner;
        this.context = context;
        this.apiFactory = apiFactory;
        this.sandbox = sandbox;
        this.owner = owner;
        this.problem = problem;
        this.environment = detectEnvironment();
        connections.setHandlers(this::open, this::addConnection, this::editConnection, this::removeConnection);
        rebuildChoices();
    }

    private Optional<EnvironmentProfile> detectEnvironment() {
        try {
            return EnvironmentProfile.detect(context.env());
        } catch (IllegalArgumentException e) {
            problem.accept(e.getMessage());
            return Optional.empty();
        }
    }

    /** Opens the connection the command line, the last session or a first run calls for. */
    public void start(LaunchOptions options) {
        if (context.startupProblem() != null) {
            problem.accept("Saved settings could not be read, so nothing is saved this session: " + context.startupProblem());
        }
        open(initialChoice(options));
    }

    private ConnectionChoice initialChoice(LaunchOptions options) {
        if (options.forceSandbox()) {
            return sandboxChoice(null);
        }
        if (options.profile() != null) {
            Optional<ConnectionChoice> named = find(options.profile());
            if (named.isPresent()) {
                return named.get();
            }
            problem.accept("There is no saved connection called \u201c" + options.profile() + "\u201d; showing the demo sandbox.");
            return sandboxChoice(null);
        }
        Optional<ConnectionChoice> last = context.profiles().flatMap(ProfileStore::lastProfileName).flatMap(this::find);
        if (last.isPresent()) {
            return last.get();
        }
        return connections.choices().stream().filter(choice -> !choice.isSandbox()).findFirst().orElse(sandboxChoice(null));
    }

    private Optional<ConnectionChoice> find(String name) {
        return connections.choices().stream().filter(choice -> choice.name().equals(name)).findFirst();
    }

    /** Opens a connection; the view shows it at once as connecting, then the server's answer. */
    public void open(ConnectionChoice choice) {
        long generation = ++openGeneration;
        connections.currentProperty().set(choice);
        model.connect(null);
        model.connectionStateProperty().set(MainViewModel.ConnectionState.CONNECTING);
        BackgroundCall.of("Opening " + choice.name(), () -> openApi(choice))
                .onSuccess(opened -> {
                    if (generation != openGeneration) {
                        opened.api().close();
                        return;
                    }
                    connections.currentProperty().set(opened.choice());
                    if (!opened.choice().equals(choice)) {
                        connections.choices().replaceAll(existing -> existing.name().equals(choice.name()) ? opened.choice() : existing);
                    }
                    model.connect(opened.api());
                    rememberLast(choice);
                })
                .onFailure(error -> {
                    if (generation == openGeneration) {
                        model.connectionStateProperty().set(MainViewModel.ConnectionState.FAILED);
                        model.connectionProblemProperty().set(Problems.describe(error));
                        problem.accept("Could not open \u201c" + choice.name() + "\u201d: " + Problems.describe(error));
                    }
                })
                .onFinally(() -> {
                    if (generation == openGeneration && model.apiProperty().get() == null
                            && model.connectionStateProperty().get() == MainViewModel.ConnectionState.CONNECTING) {
                        model.connectionStateProperty().set(MainViewModel.ConnectionState.FAILED);
                        model.connectionProblemProperty().set("Cancelled.");
                    }
                })
                .runWith(runner);
    }

    private record Opened(ConnectionChoice choice, ConfidentApi api) {
    }

    /** A gateway opened for an open that was cancelled meanwhile is closed here, since nobody will receive it. */
    private Opened openApi(ConnectionChoice choice) {
        Opened opened = openApiFor(choice);
        if (Thread.currentThread().isInterrupted()) {
            opened.api().close();
            throw new IllegalStateException("Opening \u201c" + choice.name() + "\u201d was cancelled.");
        }
        return opened;
    }

    private Opened openApiFor(ConnectionChoice choice) {
        return switch (choice.kind()) {
            case SANDBOX -> {
                SandboxServer server = sandbox.server();
                ConfidentApi api = apiFactory.open(ConnectionConfig.of(server.baseUrl(), OrgKey.of(server.orgKey())));
                yield new Opened(sandboxChoice(server.baseUrl()), api);
            }
            case ENVIRONMENT -> {
                EnvironmentProfile env = environment.orElseThrow();
                yield new Opened(choice, apiFactory.open(ConnectionConfig.of(env.profile().baseUrl(), env.orgKey())));
            }
            case SAVED -> {
                OrgKey key = context.credentials().read(choice.name()).orElseThrow(() -> new IllegalArgumentException(
                        "No organisation key is saved for \u201c" + choice.name() + "\u201d. Edit the connection to enter it."));
                Profile profile = profiles().find(choice.name()).orElseThrow(() -> new IllegalArgumentException(
                        "The connection \u201c" + choice.name() + "\u201d no longer exists."));
                yield new Opened(choice, apiFactory.open(ConnectionConfig.of(profile.baseUrl(), key)));
            }
        };
    }

    private void rememberLast(ConnectionChoice choice) {
        context.profiles().ifPresent(store -> BackgroundCall.ofAction("Remembering the connection",
                        () -> store.setLastProfileName(choice.name()))
                .mutation()
                .onFailure(error -> problem.accept("Could not remember the last connection: " + Problems.describe(error)))
                .runWith(runner));
    }

    // ---- adding and editing ----------------------------------------------------------------------

    private void addConnection() {
        if (context.profiles().isEmpty()) {
            problem.accept("Saved connections are unavailable this session: " + context.startupProblem());
            return;
        }
        ConnectionDialog dialog = new ConnectionDialog(null, reservedNames(null), apiFactory, runner);
        dialog.initOwner(owner.get());
        dialog.showAndWait().ifPresent(result -> save(null, result));
    }

    private void editConnection(ConnectionChoice choice) {
        if (choice.kind() != Kind.SAVED) {
            return;
        }
        profiles().find(choice.name()).ifPresent(profile -> {
            ConnectionDialog dialog = new ConnectionDialog(profile, reservedNames(profile.name()),
                    ConnectionTester.through(apiFactory), context.credentials()::read, runner);
            dialog.initOwner(owner.get());
            dialog.showAndWait().ifPresent(result -> save(profile.name(), result));
        });
    }

    private void removeConnection(ConnectionChoice choice) {
        if (choice.kind() != Kind.SAVED) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Remove the saved connection \u201c" + choice.name() + "\u201d? Its organisation key is deleted from this "
                        + "computer. Nothing changes in Confident AI.",
                ButtonType.CANCEL, ButtonType.OK);
        confirm.initOwner(owner.get());
        confirm.setHeaderText("Remove connection");
        confirm.getDialogPane().setId("removeConnectionDialog");
        if (confirm.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
            return;
        }
        ProfileStore store = profiles();
        BackgroundCall.ofAction("Removing the connection", () -> store.remove(choice.name()))
                .mutation()
                .onSuccess(done -> {
                    rebuildChoices();
                    open(sandboxChoice(sandbox.baseUrlIfRunning()));
                })
                .onFailure(error -> problem.accept("Could not remove the connection: " + Problems.describe(error)))
                .runWith(runner);
    }

    private void save(String oldName, ConnectionDialog.Result result) {
        ProfileStore store = profiles();
        BackgroundCall.ofAction("Saving the connection", () -> {
                    if (oldName == null) {
                        store.add(result.profile(), result.orgKeyOrNull());
                    } else {
                        store.update(oldName, result.profile(), result.orgKeyOrNull());
                    }
                })
                .mutation()
                .onSuccess(done -> {
                    rebuildChoices();
                    find(result.profile().name()).ifPresent(this::open);
                })
                .onFailure(error -> problem.accept("Could not save the connection: " + Problems.describe(error)))
                .runWith(runner);
    }

    /** Names a new profile may not take: those of the other choices, the built-in ones included. */
    private Set<String> reservedNames(String except) {
        Set<String> names = new HashSet<>();
        connections.choices().forEach(choice -> names.add(choice.name()));
        if (except != null) {
            names.remove(except);
        }
        return names;
    }

    private ProfileStore profiles() {
        return context.profiles().orElseThrow(() -> new IllegalStateException("Saved connections are unavailable."));
    }

    private void rebuildChoices() {
        List<ConnectionChoice> choices = new ArrayList<>();
        choices.add(sandboxChoice(sandbox.baseUrlIfRunning()));
        environment.ifPresent(env -> choices.add(new ConnectionChoice(env.profile().name(), env.profile().label(),
                env.profile().colour(), Kind.ENVIRONMENT, env.profile().baseUrl())));
        context.profiles().ifPresent(store -> store.profiles().forEach(profile -> choices.add(
                new ConnectionChoice(profile.name(), profile.label(), profile.colour(), Kind.SAVED, profile.baseUrl()))));
        connections.choices().setAll(choices);
        ConnectionChoice current = connections.currentProperty().get();
        if (current != null) {
            find(current.name()).ifPresent(connections.currentProperty()::set);
        }
    }

    private static ConnectionChoice sandboxChoice(String baseUrl) {
        return new ConnectionChoice(SANDBOX_NAME, SANDBOX_LABEL, SANDBOX_COLOUR, Kind.SANDBOX,
                baseUrl == null ? "embedded sandbox" : baseUrl);
    }
}
