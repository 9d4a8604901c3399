package dev.keywarden.ui.app;

import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.core.AppContext;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: loads settings off the FX thread in {@link #init()}, then opens the window. */
public final class KeywardenApp extends Application {
    private AppContext context;
    private KeywardenWindow window;

    @Override
    public void init() {
        context = AppContext.load(System.getenv());
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw().toArray(String[]::new));
        stage.getIcons().setAll(AppIcon.images());
        window = new KeywardenWindow(stage, context, HttpConfidentApi::new, new EmbeddedSandbox());
        window.show(options);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
