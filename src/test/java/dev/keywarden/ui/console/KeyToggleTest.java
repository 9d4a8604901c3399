package dev.keywarden.ui.console;

import dev.keywarden.api.KeyProbe;
import dev.keywarden.ui.common.MessageBar;
import dev.keywarden.ui.common.Problem;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.store.KeyRow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;


import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The switch that matters at 2 a.m.: off, shown refused; and a failure that changes nothing. */
class KeyToggleTest extends SharedConsoleTest {
    @Test
    void switchingAKeyOffIsWhatTheServerNowHasAndTheKeyIsRefused(FxRobot robot) {
        console.awaitLoaded();
        ProjectRow project = console.projectWithAnActiveKey();
        console.selectProject(robot, project);
        KeyRow row = console.shownKey(key -> key.key().valid());
        int activeBefore = project.keys().active();
        String raw = console.sandbox().store().rawValue(row.id());
        try (KeyProbe probe = new KeyProbe()) {
            assertThat(probe.status(console.sandbox().baseUrl(), KeyProbe.Probe.DATASETS, raw, null)).isEqualTo(200);

            ConsoleFixture.flipSwitch(robot, "#keysTable", row);
            await("the server's answer", () -> row.isIdle() && !row.key().valid());

            assertThat(console.sandbox().store().key(project.id(), row.id()).orElseThrow().valid()).isFalse();
            assertThat(probe.status(console.sandbox().baseUrl(), KeyProbe.Probe.DATASETS, raw, null)).isEqualTo(401);
        }
        assertThat(robot.lookup("#status-" + row.id()).queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("Deactivated");
        assertThat(project.keys().active()).isEqualTo(activeBefore - 1);
        ConsoleFixture.screenshot(stage.getScene(), "keys-with-deactivated-key");

        robot.clickOn("#openCheckKey");
        robot.interact(() -> robot.lookup("#checkKeyValue").queryAs(javafx.scene.control.TextField.class).setText(raw));
        robot.clickOn("#checkKey");
        javafx.scene.control.Label result = robot.lookup("#checkKeyResult").queryAs(javafx.scene.control.Label.class);
        await("the check's answer", () -> result.getText() != null && !result.getText().isEmpty());
        assertThat(result.getText()).isEqualTo("Checked as a project key with GET /v1/datasets. "
                + "Refused (401): the server no longer accepts this project key.");
        assertThat(result.getStyleClass()).contains(dev.keywarden.ui.keys.CheckKeyDialog.STYLE_REFUSED);
        ConsoleFixture.screenshot(result.getScene(), "check-key-refused");
        robot.clickOn("Close");
    }

    @Test
    void aToggleTheServerRefusesSwitchesBackAndSaysWhy(FxRobot robot) {
        console.awaitLoaded();
        ProjectRow project = console.projectWithAnActiveKey();
        console.selectProject(robot, project);
        KeyRow row = console.shownKey(key -> key.key().valid());
        console.sandbox().failNext("PUT", ".*/api-keys/.*", 500, "Simulated database outage", 1);

        ConsoleFixture.flipSwitch(robot, "#keysTable", row);
        MessageBar messages = console.window().view().messages();
        await("the refusal, and the key read again", () -> row.isIdle() && messages.failedChangeCount() == 1);

        assertThat(row.key().valid()).isTrue();
        assertThat(robot.lookup("#toggle-" + row.id()).queryAs(org.controlsfx.control.ToggleSwitch.class).isSelected()).isTrue();
        assertThat(console.sandbox().store().key(project.id(), row.id()).orElseThrow().valid()).isTrue();
        assertThat(messages.failedChangeTexts()).singleElement().asString()
                .contains("Not deactivated yet").contains("Simulated database outage")
                .contains("reading the key again shows it unchanged");
        assertThat(robot.lookup("#messageBar").query().isVisible()).isTrue();
    }

    @Test
    void fromTheFilterEnterReachesTheKeyAndSpaceSwitchesItOffWithoutTheMouseOrTab(FxRobot robot) {
        console.awaitLoaded();
        ProjectRow project = console.projectWith(row -> row.keys().active() > 0);
        var key = console.model().store().keysOf(project.id()).stream().map(KeyRow::key).filter(k -> k.valid()).findFirst().orElseThrow();
        robot.clickOn("#filter");
        ConsoleFixture.shortcut(robot, KeyCode.F);
        robot.write(key.suffix());
        await("the key's project", () -> console.model().projects().selected() == project
                && console.model().keys().rows().stream().anyMatch(row -> row.id() == key.id()));
        robot.type(KeyCode.ENTER);
        await("the key selected", () -> {
            Object selected = robot.lookup("#keysTable").queryAs(javafx.scene.control.TableView.class).getSelectionModel().getSelectedItem();
            return selected instanceof KeyRow row && row.id() == key.id();
        });
        robot.type(KeyCode.SPACE);
        await("switched off on the server", () -> !console.sandbox().store().key(project.id(), key.id()).orElseThrow().valid());
    }

    @Test
    void spaceTogglesTheSelectedKey(FxRobot robot) {
        console.awaitLoaded();
        ProjectRow project = console.projectWithAnActiveKey();
        console.selectProject(robot, project);
        KeyRow row = console.shownKey(key -> key.key().valid());
        ConsoleFixture.clickRow(robot, "#keysTable", row);
        robot.type(javafx.scene.input.KeyCode.SPACE);
        await("deactivated by Space", () -> row.isIdle() && !row.key().valid());
        assertThat(console.sandbox().store().key(project.id(), row.id()).orElseThrow().valid()).isFalse();

        robot.type(javafx.scene.input.KeyCode.SPACE);
        await("activated again by Space", () -> row.isIdle() && row.key().valid());
        assertThat(console.sandbox().store().key(project.id(), row.id()).orElseThrow().valid()).isTrue();
    }

    /** What a later read of a key shows takes the place of what was said of it before, failed change or not. */
    @Test
    void aMessageAboutAKeyReplacesTheEarlierOneAboutTheSameKey(FxRobot robot) {
        MessageBar messages = console.window().view().messages();
        robot.interact(() -> {
            messages.show(new Problem("Key X: Not known whether it was deactivated.", null, true, "p1:7"));
            messages.show(new Problem("Key Y: Not deactivated.", null, true, "p1:8"));
        });
        assertThat(messages.failedChangeCount()).isEqualTo(2);

        robot.interact(() -> messages.show(new Problem("Key X: Deactivated: reading the key again after the deadline shows the change.",
                null, false, "p1:7")));

        assertThat(messages.failedChangeTexts()).containsExactly("Key Y: Not deactivated.");
        assertThat(messages.currentText()).startsWith("Key X: Deactivated");
    }
}
