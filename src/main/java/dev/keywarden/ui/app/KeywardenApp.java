package dev.keywarden.ui.app;

import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.core.AppContext;
import dev.keywarden.core.EnvironmentProfile;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.time.Clock;

/** The JavaFX application: loads settings (and starts the demo sandbox when it will be used) off the FX thread in {@link #init()}, then opens the window. */
public final class KeywardenApp extends Application {
    private AppContext context;
    private LaunchOptions options;
    private final EmbeddedSandbox sandbox = new EmbeddedSandbox();
    private KeywardenWindow window;

    /**
     * Off the FX thread, before the window is built: reads the settings and, when the console will open on the
     * embedded sandbox, starts it meanwhile (the window and the sandbox start in parallel).
     */
    @Override
    public void init() {
        options = LaunchOptions.parse(getParameters().getRaw().toArray(String[]::new));
        context = AppContext.load(System.getenv());
        boolean nothingElse = context.profiles().map(profiles -> profiles.profiles().isEmpty()).orElse(true)
                && !context.env().containsKey(EnvironmentProfile.ENV_ORG_KEY);
        if (options.forceSandbox() || nothingElse) {
            sandbox.startInBackground();
        }
    }

    @Override
    public void start(Stage stage) {
        stage.getIcons().setAll(AppIcon.images());
        // The connection opens first, off the FX thread, while the window is built; the window is shown after its
        // answer (queued meanwhile), so the organisation loads while the FX thread styles and lays out the window.
        window = new KeywardenWindow(stage, context, HttpConfidentApi::new, sandbox, Clock.systemDefaultZone(), options);
        Platform.runLater(window::show);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
