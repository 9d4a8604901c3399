package dev.keywarden.ui.app;

import dev.keywarden.ui.common.Problems;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.OrgKey;
import dev.keywarden.core.ApiFactory;
import dev.keywarden.core.AppContext;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.ConnectionTester;
import dev.keywarden.core.EnvironmentProfile;
import dev.keywarden.core.Generation;
import dev.keywarden.core.Profile;
import dev.keywarden.core.ProfileStore;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.sandbox.SandboxServer;
import dev.keywarden.ui.common.DialogService;
import dev.keywarden.ui.connection.ConnectionDialog;
import dev.keywarden.ui.connection.KeyStorageModel;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.connection.ConnectionChoice;
import dev.keywarden.ui.connection.ConnectionChoice.Kind;
import dev.keywarden.ui.connection.ConnectionsModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

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
    private final DialogService dialogs;
    private final Consumer<String> problem;
    private final Optional<EnvironmentProfile> environment;
    private final Generation opens = new Generation();

    public ConnectionController(MainViewModel model, ConnectionsModel connections, TaskRunner runner, AppContext context,
                                ApiFactory apiFactory, EmbeddedSandbox sandbox, DialogService dialogs, Consumer<String> problem) {
        this.model = model;
        this.connections = connections;
        this.runner = runner;
        this.context = context;
        this.apiFactory = apiFactory;
        this.sandbox = sandbox;
        this.dialogs = dialogs;
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

    /** How the open connection is moved to a new value of its own key, after Rotate… on that key. */
    public OwnKeySaver ownKeyUpdate() {
        return new OwnKeySaver(connections, context, apiFactory, runner, this::open);
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
        Generation.Token open = opens.next();
        connections.currentProperty().set(choice);
        model.opening();
        BackgroundCall.of("Opening " + choice.name(), () -> openApi(choice))
                .onSuccess(opened -> {
                    if (!open.isCurrent()) {
                        opened.api().close();
                        return;
                    }
                    connections.currentProperty().set(opened.choice());
                    if (!opened.choice().equals(choice)) {
                        connections.choices().replaceAll(existing -> existing.name().equals(choice.name()) ? opened.choice() : existing);
                    }
                    model.connect(opened.api(), opened.keySuffix(), opened.deadline());
                    rememberLast(choice);
                })
                .onFailure(error -> {
                    if (open.isCurrent()) {
                        model.session().failed(Problems.inPlainWords(error));
                        problem.accept("Could not open \u201c" + choice.name() + "\u201d: " + Problems.inPlainWords(error));
                    }
                })
                .onFinally(() -> {
                    if (open.isCurrent() && model.session().api() == null
                            && model.session().stateProperty().get() == ConnectionSession.State.CONNECTING) {
                        model.session().failed("Cancelled.");
                    }
                })
                .runWith(runner);
    }

    /** {@code keySuffix}: the last six characters of the key in use, never the key; {@code deadline}: of one call. */
    private record Opened(ConnectionChoice choice, ConfidentApi api, String keySuffix, java.time.Duration deadline) {
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
                OrgKey key = OrgKey.of(server.orgKey());
                ConnectionConfig config = ConnectionConfig.of(server.baseUrl(), key);
                yield new Opened(sandboxChoice(server.baseUrl()), apiFactory.open(config), key.suffix(), config.deadline());
            }
            case ENVIRONMENT -> {
                EnvironmentProfile env = environment.orElseThrow();
                ConnectionConfig config = env.profile().connectionConfig(env.orgKey());
                yield new Opened(choice, apiFactory.open(config), env.orgKey().suffix(), config.deadline());
            }
            case SAVED -> {
                OrgKey key = context.credentials().read(choice.name()).orElseThrow(() -> new IllegalArgumentException(
                        "No organisation key is saved for \u201c" + choice.name() + "\u201d. Edit the connection to enter it."));
                Profile profile = profiles().find(choice.name()).orElseThrow(() -> new IllegalArgumentException(
                        "The connection \u201c" + choice.name() + "\u201d no longer exists."));
                ConnectionConfig config = profile.connectionConfig(key);
                yield new Opened(choice, apiFactory.open(config), key.suffix(), config.deadline());
            }
        };
    }

    private void rememberLast(ConnectionChoice choice) {
        context.profiles().ifPresent(store -> BackgroundCall.ofAction("Remembering the connection",
                        () -> store.setLastProfileName(choice.name()))
                .mutation()
                .onFailure(error -> problem.accept("Could not remember the last connection: " + Problems.inPlainWords(error)))
                .runWith(runner));
    }

    // ---- adding and editing ----------------------------------------------------------------------

    private void addConnection() {
        if (context.profiles().isEmpty()) {
            problem.accept("Saved connections are unavailable this session: " + context.startupProblem());
            return;
        }
        dialogs.showAndWait("connectionDialog", () -> new ConnectionDialog(null, reservedNames(null),
                        ConnectionTester.through(apiFactory), name -> Optional.empty(),
                        new KeyStorageModel(context.credentials(), null, runner), runner))
                .ifPresent(result -> save(null, result));
    }

    private void editConnection(ConnectionChoice choice) {
        if (choice.kind() != Kind.SAVED) {
            return;
        }
        profiles().find(choice.name()).ifPresent(profile -> {
            dialogs.showAndWait("connectionDialog", () -> new ConnectionDialog(profile, reservedNames(profile.name()),
                            ConnectionTester.through(apiFactory), context.credentials()::read,
                            new KeyStorageModel(context.credentials(), profile.name(), runner), runner))
                    .ifPresent(result -> save(profile.name(), result));
        });
    }

    private void removeConnection(ConnectionChoice choice) {
        if (choice.kind() != Kind.SAVED) {
            return;
        }
        if (!dialogs.confirm("removeConnectionDialog", "Remove connection",
                "Remove the saved connection \u201c" + choice.name() + "\u201d? Its organisation key is deleted from this "
                        + "computer. Nothing changes in Confident AI.")) {
            return;
        }
        ProfileStore store = profiles();
        BackgroundCall.ofAction("Removing the connection", () -> store.remove(choice.name()))
                .mutation()
                .onSuccess(done -> {
                    rebuildChoices();
                    open(sandboxChoice(sandbox.baseUrlIfRunning()));
                })
                .onFailure(error -> problem.accept("Could not remove the connection: " + Problems.inPlainWords(error)))
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
                .onFailure(error -> problem.accept("Could not save the connection: " + Problems.inPlainWords(error)))
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
        ConnectionChoice current = connections.currentProperty().get();
        if (current != null) {
            choices.stream().filter(choice -> choice.name().equals(current.name())).findFirst()
                    .ifPresent(connections.currentProperty()::set);
        }
        connections.choices().setAll(choices);
    }

    private static ConnectionChoice sandboxChoice(String baseUrl) {
        return new ConnectionChoice(SANDBOX_NAME, SANDBOX_LABEL, SANDBOX_COLOUR, Kind.SANDBOX,
                baseUrl == null ? "embedded sandbox" : baseUrl);
    }
}
