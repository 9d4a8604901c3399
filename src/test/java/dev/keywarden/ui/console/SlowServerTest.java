package dev.keywarden.ui.console;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.time.Duration;

import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** With every answer a minute late, the window keeps answering and the load can be cancelled. */
class SlowServerTest extends ConsoleTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @AfterEach
    void answerPromptlyAgain() {
        console.sandbox().setLatency(Duration.ZERO);
    }

    @Test
    void theWindowStaysResponsiveDuringASlowLoadAndTheLoadCanBeCancelled(FxRobot robot) {
        console.awaitLoaded();
        console.sandbox().setLatency(Duration.ofSeconds(60));
        robot.type(KeyCode.F5);
        await("a load running", () -> console.window().runner().hasLoads()
                && robot.lookup("#cancelTasks").queryAs(Button.class).isVisible());

        robot.clickOn("#filter").write("xyz");
        assertThat(robot.lookup("#filter").queryAs(TextField.class).getText()).isEqualTo("xyz");
        assertThat(console.window().runner().hasLoads()).as("typing went through while the load still ran").isTrue();

        robot.clickOn("#cancelTasks");
        // await gives up after 15 s, long before the server's answer at 60 s: only cancelling can end the load in time.
        await("the load cancelled", () -> !console.window().runner().hasLoads()
                && !console.model().projects().loadingProperty().get());
        assertThat(console.model().projects().rows()).as("what was shown stays shown").isNotEmpty();
    }
}
