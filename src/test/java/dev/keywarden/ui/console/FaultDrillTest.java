package dev.keywarden.ui.console;

import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.core.AppContext;
import dev.keywarden.sandbox.SandboxServer;
import dev.keywarden.ui.app.EmbeddedSandbox;
import dev.keywarden.ui.app.KeywardenWindow;
import dev.keywarden.ui.app.LaunchOptions;
import dev.keywarden.ui.app.MainViewModel;
import dev.keywarden.ui.common.MessageBar;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.store.KeyRow;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault drills in the window, against the in-process sandbox's fault injection, all in one window
 * at 900 px (so they run in order; the last one stops the server): a toggle answered with a 500, a
 * refresh against a stalled server, and a server that is gone. Calls get a 3 s deadline, so a stall
 * is reported well within the waits here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillTest {
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    @TempDir
    static Path home;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private KeywardenWindow window;

    @BeforeAll
    void openOneWindowForAllDrills() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        // Windows other test classes left in this JVM would take this one's clicks and keys.
        FxToolkit.cleanupStages();
        FxToolkit.setupFixture(() -> {
            window = new KeywardenWindow(stage, AppContext.loadFrom(home, Map.of()),
                    config -> new HttpConfidentApi(config.withDeadline(DEADLINE)), new EmbeddedSandbox("--seed", "20261127"));
            window.show(LaunchOptions.parse());
            stage.setWidth(900);
            stage.setHeight(700);
        });
        awaitLoaded();
    }

    @AfterAll
    void closeTheWindow() throws Exception {
        robot.interact(window::close);
        FxToolkit.cleanupStages();
    }

    @Test
    @Order(1)
    void aToggleAnsweredWithA500ShowsTheServersStateAndSaysSoAboveTheTables() {
        ProjectRow project = model().projects().rows().stream().filter(row -> row.keys().active() > 0).findFirst().orElseThrow();
        selectProject(project);
        KeyRow row = model().keys().rows().stream().filter(key -> key.key().valid()).findFirst().orElseThrow();
        sandbox().failNext("PUT", ".*/api-keys/.*", 500, "Simulated database outage", 1);

        ConsoleFixture.flipSwitch(robot, "#keysTable", row);
        MessageBar messages = window.view().messages();
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
        Bounds message = onScreen(bar);
        for (String control : new String[] {"#projectsTable", "#keysTable", "#filter"}) {
            assertThat(message.intersects(onScreen(robot.lookup(control).query()))).as("the message covers " + control).isFalse();
        }
        assertThat(message.getMaxY()).as("above the tables").isLessThanOrEqualTo(onScreen(robot.lookup("#projectsTable").query()).getMinY());
        ConsoleFixture.screenshot(stage.getScene(), "fault-toggle-refused");
    }

    @Test
    @Order(2)
    void aRefreshAgainstAStalledServerLeavesTheWindowResponsiveThenSaysTheDataMayBeOutOfDate() {
        sandbox().setLatency(Duration.ofSeconds(60));
        try {
            robot.type(KeyCode.F5);
            await("a refresh running", () -> window.runner().hasLoads());

            robot.clickOn("#filter").write("xyz");
            assertThat(robot.lookup("#filter").queryAs(TextField.class).getText()).isEqualTo("xyz");
            assertThat(window.runner().hasLoads()).as("typing went through while the server stalled").isTrue();

            await("the refresh given up at the deadline", () -> !window.runner().hasLoads()
                    && model().projects().refreshFailedAtProperty().get() != null);
            assertThat(robot.lookup("#statusBar").queryAs(StatusBar.class).getText())
                    .contains("may be out of date");
            assertThat(headerState()).isEqualTo("Connection failed: The server did not answer within 3 s.");
            assertThat(model().projects().rows()).as("what was shown stays shown").isNotEmpty();
            ConsoleFixture.screenshot(stage.getScene(), "fault-refresh-stalled");
        } finally {
            sandbox().setLatency(Duration.ZERO);
            robot.interact(() -> robot.lookup("#filter").queryAs(TextField.class).clear());
        }

        robot.type(KeyCode.F5);
        await("a refresh that succeeds", () -> !window.runner().hasLoads()
                && model().session().stateProperty().get() == ConnectionSession.State.CONNECTED
                && model().projects().refreshFailedAtProperty().get() == null);
        assertThat(robot.lookup("#statusBar").queryAs(StatusBar.class).getText()).startsWith("Last refresh");
    }

    @Test
    @Order(3)
    void anUnreachableServerIsSaidInPlainWordsAndTheHeadersButtonsKeepTheirLabels() {
        SandboxServer server = sandbox();
        int port = server.port();
        server.close();

        robot.type(KeyCode.F5);
        await("the refresh failed", () -> !window.runner().hasLoads()
                && model().session().stateProperty().get() == ConnectionSession.State.FAILED);

        assertThat(headerState()).isEqualTo("Connection failed: Nothing is answering at 127.0.0.1:" + port + ".");
        assertThat(stage.getWidth()).isEqualTo(900);
        for (String id : new String[] {"#addConnection", "#editConnection", "#removeConnection"}) {
            Button button = robot.lookup(id).queryAs(Button.class);
            Text shown = (Text) button.lookup(".text");
            assertThat(shown.getText()).as(id + " shows its whole label").isEqualTo(button.getText());
            assertThat(button.getWidth()).as(id + " width").isGreaterThanOrEqualTo(button.prefWidth(-1) - 0.5);
        }
        ComboBox<?> switcher = robot.lookup("#connectionSwitcher").queryAs(ComboBox.class);
        assertThat(switcher.getWidth()).as("the connection drop-down keeps its room").isGreaterThanOrEqualTo(170);
        ConsoleFixture.screenshot(stage.getScene(), "fault-server-unreachable");
    }

    private MainViewModel model() {
        return window.model();
    }

    private SandboxServer sandbox() {
        return window.sandbox().server();
    }

    private String headerState() {
        return robot.lookup("#connectionState").queryAs(Label.class).getText();
    }

    private void awaitLoaded() {
        await("projects and key counts loaded", () -> model().session().stateProperty().get() == ConnectionSession.State.CONNECTED
                && !model().projects().rows().isEmpty()
                && model().projects().rows().stream().allMatch(row -> row.keys() != null)
                && window.runner().running().isEmpty());
    }

    private void selectProject(ProjectRow project) {
        ConsoleFixture.clickRow(robot, "#projectsTable", project);
        await("keys of " + project.project().name(), () -> model().projects().selected() == project
                && !model().keys().loadingProperty().get() && model().keys().rows().size() == project.keys().total());
    }

    private static Bounds onScreen(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }
}
