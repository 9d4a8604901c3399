package dev.keywarden.ui.app;

import dev.keywarden.ui.common.FxDelay;
import dev.keywarden.ui.common.FxTaskRunner;

import dev.keywarden.core.ApiFactory;
import dev.keywarden.core.AppContext;
import dev.keywarden.core.DesktopColourScheme;
import dev.keywarden.ui.common.DialogService;
import dev.keywarden.ui.common.FxDialogService;
import dev.keywarden.ui.connection.ConnectionsModel;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The console's composition root: builds the main window on a stage and owns what must be closed
 * with it. The application and the UI tests both open the console through here.
 */
public final class KeywardenWindow {
    public static final String STYLESHEET = "/dev/keywarden/ui/keywarden.css";

    private final Stage stage;
    private final AppContext context;
    private final FxTaskRunner runner = new FxTaskRunner();
    private final EmbeddedSandbox sandbox;
    private final MainViewModel model;
    private final MainView view;
    private final ConnectionController connectionController;
    private final WindowStateKeeper stateKeeper;
    private final ThemeModel theme;
    /** Problems reported while the view is not built yet (opening the connection comes first), shown once it is. */
    private final List<String> earlyProblems = new java.util.ArrayList<>();
    private boolean connectionStarted;
    private Callable<Optional<Boolean>> desktopPrefersDark = () -> DesktopColourScheme.ofThisMachine().prefersDark();

    public KeywardenWindow(Stage stage, AppContext context, ApiFactory apiFactory, EmbeddedSandbox sandbox) {
        this(stage, context, apiFactory, sandbox, Clock.systemDefaultZone());
    }

    /** With the console's clock (a test's, the same as its sandbox's, to move past a rotation's end). */
    public KeywardenWindow(Stage stage, AppContext context, ApiFactory apiFactory, EmbeddedSandbox sandbox, Clock clock) {
        this(stage, context, apiFactory, sandbox, clock, null);
    }

    /**
     * Opens the connection {@code options} call for before the view is built (the application does): the
     * gateway is opened off the FX thread while the window is built, so its answer waits on the FX thread's queue
     * when the building ends, and {@link #show()} posted after it lets the organisation load while the window is
     * laid out and styled. With null options nothing is opened until {@link #show(LaunchOptions)}.
     */
    public KeywardenWindow(Stage stage, AppContext context, ApiFactory apiFactory, EmbeddedSandbox sandbox, Clock clock,
                           LaunchOptions connectFirst) {
        this.stage = stage;
        this.context = context;
        this.sandbox = sandbox;
        this.model = new MainViewModel(runner, clock, context.uiSettings().parallelism(),
                new FxDelay());
        model.audit().writeTo(context.configDir());
        this.theme = new ThemeModel(context.uiSettings(), runner, () -> desktopPrefersDark.call());
        ThemeStyles.follow(theme.darkProperty());
        ConnectionsModel connections = new ConnectionsModel();
        DialogService dialogs = new FxDialogService(() -> stage);
        this.connectionController = new ConnectionController(model, connections, runner, context, apiFactory, sandbox,
                dialogs, this::problem);
        if (connectFirst != null) {
            startConnection(connectFirst);
        }
        this.view = new MainView(model, runner, connections, dialogs, context.uiSettings().staleThresholdsDays());
        earlyProblems.forEach(view::problem);
        earlyProblems.clear();
        view.rotations().updateOwnKeyWith(connectionController.ownKeyUpdate());
        this.stateKeeper = new WindowStateKeeper(context.uiSettings());

        Scene scene = new Scene(view);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());
        view.installAccelerators(scene);
        view.installMenuBar(theme);
        view.onQuit(new Quitting(stage, view, model, runner)::request);
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var current = connections.currentProperty().get();
            return current == null ? "Keywarden" : "Keywarden \u2014 " + current.name();
        }, connections.currentProperty()));
        stateKeeper.restore(stage, view.split(), tables());
    }

    /** What the desktop says of dark mode (asked off the FX thread when the window shows); tests give their own. */
    public void readDesktopSchemeWith(Callable<Optional<Boolean>> reader) {
        this.desktopPrefersDark = reader;
    }

    /** Opens the connection first (off the FX thread), so the server is asked while the window is laid out and shown. */
    public void show(LaunchOptions options) {
        startConnection(options);
        show();
    }

    /** Shows the window, whose connection was opened when it was built (or by {@link #show(LaunchOptions)}). */
    public void show() {
        theme.start();
        stage.show();
    }

    private void startConnection(LaunchOptions options) {
        if (!connectionStarted) {
            connectionStarted = true;
            connectionController.start(options);
        }
    }

    private void problem(String message) {
        if (view == null) {
            earlyProblems.add(message);
        } else {
            view.problem(message);
        }
    }

    private List<javafx.scene.control.TableView<?>> tables() {
        return List.of(view.projectsPane().table(), view.keysPane().table());
    }

    /**
     * Stops background work (changes under way were given their time when the window was asked to close)
     * and the sandbox, and writes the window settings, on a thread of its own so the FX thread neither does
     * file I/O nor waits; the JVM waits for that thread, which waits for the work's threads to end so that
     * what they record is written.
     */
    public Thread close() {
        stateKeeper.record(stage, view.split(), tables());
        view.stop();
        model.shutdown();
        runner.close();
        Thread saver = new Thread(() -> {
            try {
                runner.awaitTermination(Quitting.GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                context.uiSettings().save();
            } catch (RuntimeException ignored) {
                // Losing window sizes is not worth an error on the way out.
            }
            sandbox.close();
        }, "keywarden-shutdown");
        saver.start();
        return saver;
    }

    public MainViewModel model() {
        return model;
    }

    public ThemeModel theme() {
        return theme;
    }

    public MainView view() {
        return view;
    }

    public FxTaskRunner runner() {
        return runner;
    }

    public EmbeddedSandbox sandbox() {
        return sandbox;
    }

    public ConnectionController connections() {
        return connectionController;
    }
}
