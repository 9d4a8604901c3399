package dev.keywarden.ui.console;

import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.core.ApiFactory;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Console tests that can share one window and one sandbox: the console opens once for the class (about
 * 3 s saved per test), and after each test whatever it left open is closed and the filter and tab are
 * put back. Tests must not depend on each other's order or leftovers: each picks its own project or key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedConsoleTest.Robots.class)
abstract class SharedConsoleTest {
    @TempDir
    static Path home;
    ConsoleFixture console;
    Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    void openOneWindowForTheClass() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        // Windows other test classes left in this JVM would take this one's clicks and keys.
        FxToolkit.cleanupStages();
        FxToolkit.setupFixture(() -> console = ConsoleFixture.open(stage, home, apis(), clock(), sandboxOptions()));
    }

    /** The clock of the class's console and sandbox; the system's by default (a test's to move past a rotation's end). */
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** Options of the class's sandbox besides the demo data's seed, e.g. {@code --no-v2}; none by default. */
    String[] sandboxOptions() {
        return new String[0];
    }

    /** How the class's window opens its gateways; the HTTP one by default. */
    ApiFactory apis() {
        return HttpConfidentApi::new;
    }

    @AfterEach
    void putTheWindowBack() {
        robot.interact(() -> {
            List<Window> others = Window.getWindows().stream().filter(window -> window != stage && window.isShowing()).toList();
            others.forEach(Window::hide);
            console.model().projects().filter().textProperty().set("");
            console.window().view().allKeysTab().clearFilters();
            console.window().view().views().getSelectionModel().select(0);
            console.window().view().messages().clearAll();
        });
    }

    @AfterAll
    void closeTheWindow() throws Exception {
        console.close(robot);
        FxToolkit.cleanupStages();
    }

    /** Hands each test method the robot, as TestFX's own extension would. */
    static final class Robots implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == FxRobot.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return new FxRobot();
        }
    }
}
