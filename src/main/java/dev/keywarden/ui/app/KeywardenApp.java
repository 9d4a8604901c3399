package dev.keywarden.ui.app;

import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.common.DaemonThreads;
import dev.keywarden.core.AppContext;
import dev.keywarden.core.EnvironmentProfile;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The JavaFX application: has the settings read beside JavaFX's start ({@link #launch}; in {@link #init()} when
 * launched otherwise), starts the demo sandbox when it will be used, then opens the window.
 */
public final class KeywardenApp extends Application {
    /** The settings, being read since {@link #launch}; null when the application was launched otherwise. */
    private static volatile CompletableFuture<AppContext> settingsRead;

    private AppContext context;
    private LaunchOptions options;
    private final EmbeddedSandbox sandbox = new EmbeddedSandbox();
    private KeywardenWindow window;

    /**
     * Opens the console, as {@code Application.launch} does, reading the settings on a thread of their own meanwhile:
     * their first read (Jackson's first use) took some 0.1 s here, which {@link #init()} would otherwise make the
     * window wait for while JavaFX starts.
     */
    public static void launch(String... args) {
        Map<String, String> env = System.getenv();
        CompletableFuture<AppContext> read = new CompletableFuture<>();
        new DaemonThreads("keywarden-settings").newThread(() -> {
            try {
                read.complete(AppContext.load(env));
            } catch (RuntimeException | Error e) {
                read.completeExceptionally(e);
            }
        }).start();
        settingsRead = read;
        Application.launch(KeywardenApp.class, args);
    }

    /**
     * Off the FX thread, before the window is built: takes the settings and, when the console will open on the
     * embedded sandbox, starts it meanwhile (the window and the sandbox start in parallel).
     */
    @Override
    public void init() {
        options = LaunchOptions.parse(getParameters().getRaw().toArray(String[]::new));
        context = settings();
        boolean nothingElse = context.profiles().map(profiles -> profiles.profiles().isEmpty()).orElse(true)
                && !context.env().containsKey(EnvironmentProfile.ENV_ORG_KEY);
        if (options.forceSandbox() || nothingElse) {
            sandbox.startInBackground();
        }
    }

    private static AppContext settings() {
        CompletableFuture<AppContext> read = settingsRead;
        settingsRead = null;
        if (read == null) {
            return AppContext.load(System.getenv());
        }
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
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
