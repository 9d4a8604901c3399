package dev.keywarden.ui.console;

import dev.keywarden.ui.app.ConnectionController;
import dev.keywarden.ui.projects.ProjectRow;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.time.Instant;

import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A first run: the console opens on the demo sandbox, loads everything, filters and answers shortcuts. */
class ConsoleStartTest extends SharedConsoleTest {
    @Test
    void aFirstRunOpensOnTheSandboxAndSaysSo(FxRobot robot) {
        console.awaitLoaded();
        assertThat(robot.lookup("#sandboxBanner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#sandboxBannerText").queryAs(Label.class).getText())
                .contains("Demo data").contains("Nothing leaves this machine").contains(console.sandbox().baseUrl());
        assertThat(robot.lookup("#organizationName").queryAs(Label.class).getText())
                .contains(console.sandbox().store().organization().name());
        assertThat(robot.lookup("#connectionState").queryAs(Label.class).getText()).isEqualTo("Connected");
        assertThat(stage.getTitle()).contains(ConnectionController.SANDBOX_NAME);
    }

    @Test
    void projectsLoadWithTheirKeyCounts(FxRobot robot) {
        console.awaitLoaded();
        TableView<?> table = robot.lookup("#projectsTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(console.sandbox().store().projects().size());
        for (ProjectRow row : console.model().projects().rows()) {
            var keys = console.sandbox().store().keys(row.id());
            assertThat(row.keys().total()).isEqualTo(keys.size());
            assertThat(row.keys().active()).isEqualTo((int) keys.stream().filter(k -> k.valid()).count());
        }
        ConsoleFixture.screenshot(stage.getScene(), "main-window");
    }

    @Test
    void selectingAProjectShowsItsKeysMasked(FxRobot robot) {
        console.awaitLoaded();
        ProjectRow project = console.projectWith(row -> row.keys().total() >= 3);
        console.selectProject(robot, project);
        assertThat(console.model().keys().rows()).extracting(row -> row.id())
                .containsExactlyInAnyOrderElementsOf(console.sandbox().store().keys(project.id()).stream().map(k -> k.id()).toList());
        assertThat(console.model().keys().rows()).allSatisfy(row -> assertThat(row.key().value()).matches("\\*{15}.{6}"));
        assertThat(robot.lookup("#keysTitle").queryAs(Label.class).getText()).contains(project.project().name());
    }

    @Test
    void filteringByNameOrByAPastedKeyFindsTheProject(FxRobot robot) {
        console.awaitLoaded();
        TableView<?> table = robot.lookup("#projectsTable").queryAs(TableView.class);
        ProjectRow target = console.model().projects().rows().get(console.model().projects().rows().size() - 1);
        robot.clickOn("#filter").write(target.project().name());
        await("filtered by name", () -> table.getItems().contains(target)
                && table.getItems().size() < console.model().projects().rows().size());
        assertThat(table.getItems()).allSatisfy(row -> assertThat(((ProjectRow) row).project().name())
                .containsIgnoringCase(target.project().name()));

        robot.interact(() -> robot.lookup("#filter").queryAs(TextField.class).clear());
        await("filter cleared", () -> table.getItems().size() == console.model().projects().rows().size());

        ProjectRow other = console.model().projects().rows().get(0);
        long keyId = console.model().store().keysOf(other.id()).iterator().next().id();
        String leaked = console.sandbox().store().rawValue(keyId);
        robot.interact(() -> robot.lookup("#filter").queryAs(TextField.class).setText(leaked));
        await("filtered by the pasted key", () -> table.getItems().size() == 1
                && console.model().projects().selected() == other
                && !console.model().keys().loadingProperty().get());
        TableView<?> keys = robot.lookup("#keysTable").queryAs(TableView.class);
        assertThat(keys.getItems()).hasSize(1);
        assertThat(console.model().keys().rows().stream().filter(row -> row.id() == keyId)).hasSize(1);
    }

    @Test
    void shortcutsFocusTheFilterAndRefresh(FxRobot robot) {
        console.awaitLoaded();
        Instant before = console.model().projects().lastRefreshProperty().get();
        robot.clickOn("#projectsTable");
        ConsoleFixture.shortcut(robot, KeyCode.F);
        await("filter focused", () -> robot.lookup("#filter").query().isFocused());

        robot.type(KeyCode.F5);
        await("refreshed by F5", () -> console.model().projects().lastRefreshProperty().get() != null
                && console.model().projects().lastRefreshProperty().get().isAfter(before));
        Instant afterF5 = console.model().projects().lastRefreshProperty().get();

        ConsoleFixture.shortcut(robot, KeyCode.R);
        await("refreshed by Ctrl+R", () -> console.model().projects().lastRefreshProperty().get().isAfter(afterF5));
    }

    /** The main window at the smallest size the issue asks for, light and dark, a deactivated key selected. */
    @Test
    void theMainWindowAt1024x700InLightAndDark(FxRobot robot) {
        console.awaitLoaded();
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        ProjectRow project = console.projectWith(row -> row.keys().total() >= 3 && row.keys().active() < row.keys().total());
        console.selectProject(robot, project);
        var deactivated = console.shownKey(row -> !row.key().valid());
        robot.interact(() -> console.window().view().keysPane().table().getSelectionModel().select(deactivated));
        try {
            ConsoleFixture.screenshot(stage.getScene(), "main-light");
            robot.interact(() -> console.window().theme().choose(dev.keywarden.core.ThemeChoice.DARK));
            ConsoleFixture.screenshot(stage.getScene(), "main-dark");
        } finally {
            robot.interact(() -> console.window().theme().choose(dev.keywarden.core.ThemeChoice.SYSTEM));
        }
    }
}
