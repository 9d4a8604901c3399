package dev.keywarden.ui.console;

import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.core.ApiFactory;
import dev.keywarden.sandbox.SandboxServer;
import dev.keywarden.ui.app.MainViewModel;
import dev.keywarden.ui.common.MessageBar;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.store.KeyRow;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.time.Duration;

import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault drills in the window, against the in-process sandbox's fault injection, each leaving the sandbox
 * answering again: a toggle answered with a 500, a refresh against a stalled server. Calls get a 3 s deadline, so a stall is reported well within the waits.
 * (A server that is gone is {@link ServerGoneTest}: it cannot come back in a shared window.)
 */
class FaultDrillTest extends SharedConsoleTest {
    static final Duration DEADLINE = Duration.ofSeconds(3);

    @Override
    ApiFactory apis() {
        return config -> new HttpConfidentApi(config.withDeadline(DEADLINE));
    }

    @AfterEach
    void answerPromptlyAgain() {
        console.sandbox().setLatency(Duration.ZERO);
    }

    @Test
    void aToggleAnsweredWithA500ShowsTheServersStateAndSaysSoWithoutMovingTheTables(FxRobot robot) {
        console.awaitLoaded();
        ProjectRow project = model().projects().rows().stream().filter(row -> row.keys().active() > 0).findFirst().orElseThrow();
        console.selectProject(robot, project);
        KeyRow row = model().keys().rows().stream().filter(key -> key.key().valid()).findFirst().orElseThrow();
        sandbox().failNext("PUT", ".*/api-keys/.*", 500, "Simulated database outage", 1);

        java.util.Map<String, Bounds> before = new java.util.HashMap<>();
        for (String control : new String[] {"#projectsTable", "#keysTable", "#filter"}) {
            before.put(control, onScreen(robot.lookup(control).query()));
        }
        ConsoleFixture.flipSwitch(robot, "#keysTable", row);
        MessageBar messages = console.window().view().messages();
        await("the 500, and the key read again", () -> row.isIdle() && messages.failedChangeCount() == 1);

        boolean onServer = sandbox().store().key(project.id(), row.id()).orElseThrow().valid();
        assertThat(onServer).isTrue();
        assertThat(robot.lookup("#toggle-" + row.id()).queryAs(ToggleSwitch.class).isSelected()).isEqualTo(onServer);
        assertThat(robot.lookup("#status-" + row.id()).queryAs(Label.class).getText()).isEqualTo("Active (may be out of date)");
        assertThat(messages.failedChangeTexts()).singleElement().asString()
                .startsWith("Key ").contains("Not deactivated yet: the answer was lost and reading the key again shows it unchanged")
                .contains("The server failed (500 Simulated database outage).")
                .doesNotContain("java.", "Exception");
        Node bar = robot.lookup("#messageBar").query();
        assertThat(bar.isVisible()).isTrue();
        for (String control : new String[] {"#projectsTable", "#keysTable", "#filter"}) {
            assertThat(onScreen(robot.lookup(control).query())).as("the message moved " + control).isEqualTo(before.get(control));
        }
        assertThat(onScreen(bar).intersects(onScreen(robot.lookup("#filter").query()))).as("the message covers the filter").isFalse();
        ConsoleFixture.screenshot(stage.getScene(), "fault-toggle-refused");
    }

    @Test
    void aRefreshAgainstAStalledServerLeavesTheWindowResponsiveThenSaysTheDataMayBeOutOfDate(FxRobot robot) {
        console.awaitLoaded();
        sandbox().setLatency(Duration.ofSeconds(60));
        try {
            robot.type(KeyCode.F5);
            await("a refresh running", () -> console.window().runner().hasLoads());

            robot.clickOn("#filter").write("xyz");
            assertThat(robot.lookup("#filter").queryAs(TextField.class).getText()).isEqualTo("xyz");
            assertThat(console.window().runner().hasLoads()).as("typing went through while the server stalled").isTrue();

            await("the refresh given up at the deadline", () -> !console.window().runner().hasLoads()
                    && model().projects().refreshFailedAtProperty().get() != null);
            assertThat(robot.lookup("#statusBar").queryAs(StatusBar.class).getText())
                    .contains("may be out of date");
            assertThat(headerState(robot)).isEqualTo("Connection failed: The server did not answer within 3 s.");
            assertThat(model().projects().rows()).as("what was shown stays shown").isNotEmpty();
            ConsoleFixture.screenshot(stage.getScene(), "fault-refresh-stalled");
        } finally {
            sandbox().setLatency(Duration.ZERO);
            robot.interact(() -> robot.lookup("#filter").queryAs(TextField.class).clear());
        }

        robot.type(KeyCode.F5);
        await("a refresh that succeeds", () -> !console.window().runner().hasLoads()
                && model().session().stateProperty().get() == ConnectionSession.State.CONNECTED
                && model().projects().refreshFailedAtProperty().get() == null);
        assertThat(robot.lookup("#statusBar").queryAs(StatusBar.class).getText()).startsWith("Last refresh");
    }

    private MainViewModel model() {
        return console.model();
    }

    private SandboxServer sandbox() {
        return console.sandbox();
    }

    private String headerState(FxRobot robot) {
        return robot.lookup("#connectionState").queryAs(Label.class).getText();
    }

    private static Bounds onScreen(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }
}
