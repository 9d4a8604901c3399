package dev.keywarden.ui.console;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;

/**
 * What every console test shares: a settings folder of its own and a window closed afterwards.
 * {@code @Start} is ignored in a base class, so each test class opens the console in its own
 * {@code @Start} with {@link #open(Stage)}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class ConsoleTest {
    @TempDir
    Path home;
    ConsoleFixture console;
    Stage stage;

    void open(Stage stage) {
        this.stage = stage;
        console = ConsoleFixture.open(stage, home);
    }

    @AfterEach
    void closeConsole(FxRobot robot) {
        console.close(robot);
    }
}
