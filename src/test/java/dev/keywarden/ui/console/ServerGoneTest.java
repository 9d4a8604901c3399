package dev.keywarden.ui.console;

import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.sandbox.SandboxServer;
import dev.keywarden.ui.connection.ConnectionSession;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A server that is gone, in a narrow window of its own (the sandbox does not come back): plain words, and a header that keeps its labels. */
class ServerGoneTest extends ConsoleTest {

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = ConsoleFixture.open(stage, home, config -> new HttpConfidentApi(config.withDeadline(FaultDrillTest.DEADLINE)));
        stage.setWidth(900);
        stage.setHeight(700);
    }

    @Test
    void anUnreachableServerIsSaidInPlainWordsAndTheHeadersButtonsKeepTheirLabels(FxRobot robot) {
        console.awaitLoaded();
        SandboxServer server = console.sandbox();
        int port = server.port();
        server.close();

        robot.type(KeyCode.F5);
        await("the refresh failed", () -> !console.window().runner().hasLoads()
                && console.model().session().stateProperty().get() == ConnectionSession.State.FAILED);

        assertThat(robot.lookup("#connectionState").queryAs(Label.class).getText())
                .isEqualTo("Connection failed: Nothing is answering at 127.0.0.1:" + port + ".");
        for (String id : new String[] {"#addConnection", "#editConnection", "#removeConnection", "#connectionSwitcher"}) {
            javafx.scene.control.Control control = robot.lookup(id).queryAs(javafx.scene.control.Control.class);
            assertThat(control.getWidth()).as(id + " has the room its content needs, so its label is not cut short")
                    .isGreaterThanOrEqualTo(control.prefWidth(-1) - 0.5);
        }
        assertThat(robot.lookup("#addConnection").queryAs(Button.class).getText()).isNotBlank();
        assertThat(robot.lookup("#connectionSwitcher").queryAs(ComboBox.class).getValue()).isNotNull();
        ConsoleFixture.screenshot(stage.getScene(), "fault-server-unreachable");
    }
}
