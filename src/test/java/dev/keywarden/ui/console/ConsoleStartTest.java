package dev.keywarden.ui.console;

import dev.keywarden.ui.app.ConnectionController;
import dev.keywarden.ui.projects.ProjectRow;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
        // From another tab, whose content alone is in the scene: back to the projects and their filter.
        ConsoleFixture.shortcut(robot, KeyCode.DIGIT4);
        await("the audit tab shown", () -> robot.lookup("#filter").tryQuery().isEmpty());
        ConsoleFixture.shortcut(robot, KeyCode.F);
        await("filter focused from another tab", () -> robot.lookup("#filter").tryQuery().map(javafx.scene.Node::isFocused).orElse(false));

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

    /** Every action can be found in the menus; F1 lists every shortcut the menus give; the leak finder is one click away. */
    @Test
    void theMenusHoldTheActionsAndF1ListsEveryShortcut(FxRobot robot) {
        console.awaitLoaded();
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertThat(bar.getMenus()).extracting(Menu::getText).containsExactly("_File", "_Edit", "_View", "_Keys", "_Help");
        List<MenuItem> items = new ArrayList<>();
        bar.getMenus().forEach(menu -> collect(menu, items));
        assertThat(items).extracting(MenuItem::getId).contains("menuFindLeak", "menuCheckKey", "menuNewProject", "menuNewKey",
                "menuToggleKey", "menuRevokeKey", "menuRefresh", "menuQuit", "menuAbout", "menuHelp", "menuExportAudit");
        List<String> shortcuts = items.stream().filter(item -> item.getAccelerator() != null)
                .map(item -> item.getAccelerator().getDisplayText()).toList();
        assertThat(shortcuts).hasSizeGreaterThan(10);

        robot.clickOn("#projectsTable");
        robot.type(KeyCode.F1);
        await("help shown", () -> robot.lookup("#helpDialog").tryQuery().isPresent());
        String help = robot.lookup("#helpDialog .label").queryAllAs(Label.class).stream().map(Label::getText)
                .collect(Collectors.joining("\n"));
        assertThat(shortcuts).allSatisfy(keys -> assertThat(help).contains(keys));
        robot.interact(() -> robot.lookup("#helpDialog").query().getScene().getWindow().hide());

        robot.clickOn("#findLeakButton");
        await("leak finder open", () -> robot.lookup("#leakFinderDialog").tryQuery().isPresent());
    }

    @Test
    void theKeysMenuSaysWhichChangeItWillMake(FxRobot robot) {
        console.awaitLoaded();
        ProjectRow project = console.projectWith(row -> row.keys().active() > 0 && row.keys().active() < row.keys().total());
        // Selected through the table's selection, not a click: the window may still be settling from a resize.
        robot.interact(() -> console.window().view().projectsPane().table().getSelectionModel().select(project));
        await("keys of " + project.project().name(), () -> console.model().projects().selected() == project
                && !console.model().keys().loadingProperty().get() && console.model().keys().rows().size() == project.keys().total());
        Menu keys = robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(3);
        MenuItem toggle = keys.getItems().stream().filter(item -> "menuToggleKey".equals(item.getId())).findFirst().orElseThrow();
        var table = console.window().view().keysPane().table();
        robot.interact(() -> {
            table.getSelectionModel().select(console.shownKey(row -> row.key().valid()));
            keys.getOnShowing().handle(null);
        });
        assertThat(toggle.getText()).startsWith("Deactivate");
        assertThat(table.getContextMenu().getItems().get(0).getText()).isIn("Deactivate", "Activate");
        robot.interact(() -> {
            table.getSelectionModel().select(console.shownKey(row -> !row.key().valid()));
            keys.getOnShowing().handle(null);
            table.getContextMenu().getOnShowing().handle(null);
        });
        assertThat(toggle.getText()).startsWith("Activate");
        assertThat(table.getContextMenu().getItems().get(0).getText()).isEqualTo("Activate");
    }

    @Test
    void aboutNamesTheVersionAndTheLicencesOfTheShippedLibraries(FxRobot robot) {
        console.awaitLoaded();
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem about = bar.getMenus().get(4).getItems().stream().filter(item -> "menuAbout".equals(item.getId())).findFirst()
                .orElseThrow();
        robot.interact(about::fire);
        await("about shown", () -> robot.lookup("#aboutLibraries").tryQuery().isPresent());
        String libraries = robot.lookup("#aboutLibraries").queryAs(TextArea.class).getText();
        assertThat(libraries).contains("atlantafx-base").contains("MIT").contains("ikonli").contains("okhttp");
    }

    private static void collect(Menu menu, List<MenuItem> into) {
        for (MenuItem item : menu.getItems()) {
            into.add(item);
            if (item instanceof Menu sub) {
                collect(sub, into);
            }
        }
    }
}
