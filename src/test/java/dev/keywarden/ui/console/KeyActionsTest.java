package dev.keywarden.ui.console;

import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.store.KeyRow;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;


import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** New key (raw value once, with Copy) and revoking with its confirmation. */
class KeyActionsTest extends SharedConsoleTest {
    @Test
    void aNewKeyIsShownOnceThenOnlyMasked(FxRobot robot) {
        console.awaitLoaded();
        ProjectRow project = console.projectWithAnActiveKey();
        console.selectProject(robot, project);
        int before = project.keys().total();
        robot.clickOn("#newKey");
        robot.clickOn("#keyName").write("Incident responder 2am");
        ConsoleFixture.screenshot(robot.lookup("#newKeyDialog").query().getScene(), "new-key-dialog");
        robot.clickOn("#submit");

        await("the secret dialog", () -> robot.lookup("#secretValue").tryQuery().isPresent());
        String raw = robot.lookup("#secretValue").queryAs(TextField.class).getText();
        assertThat(raw).matches("confident_us_proj_[A-Za-z0-9+/]{43}=");
        ConsoleFixture.screenshot(robot.lookup("#secretDialog").query().getScene(), "new-key-secret");
        KeyRow created = console.shownKey(row -> "Incident responder 2am".equals(row.key().name()));
        assertThat(created.key().value()).isEqualTo("***************" + raw.substring(raw.length() - 6));
        assertThat(project.keys().total()).isEqualTo(before + 1);
        assertThat(console.sandbox().store().key(project.id(), created.id())).isPresent();

        robot.clickOn("I have stored it");
        await("closed", () -> robot.lookup("#secretValue").tryQuery().isEmpty());
    }

    @Test
    void revokingAsksFirstAndIsPermanent(FxRobot robot) {
        console.awaitLoaded();
        ProjectRow project = console.projectWithAnActiveKey();
        console.selectProject(robot, project);
        KeyRow row = console.shownKey(key -> key.key().valid());
        String raw = console.sandbox().store().rawValue(row.id());
        ConsoleFixture.clickRow(robot, "#keysTable", row);
        robot.clickOn("#revokeKey");

        String warning = robot.lookup("#revokeWarning").queryAs(Label.class).getText();
        assertThat(warning).contains(row.key().suffix()).contains("permanent").contains("deactivate it instead");
        assertThat(robot.lookup("#deactivateInstead").tryQuery()).isPresent();
        robot.clickOn("Cancel");
        assertThat(console.sandbox().store().key(project.id(), row.id())).isPresent();

        robot.clickOn("#revokeKey");
        javafx.stage.Window dialog = robot.lookup("#revokeKeyDialog").queryAs(DialogPane.class).getScene().getWindow();
        robot.clickOn("#submit");
        await("revoked", () -> console.model().keys().rows().stream().noneMatch(shown -> shown.id() == row.id()));
        assertThat(dialog.isShowing()).isFalse();
        assertThat(console.sandbox().store().key(project.id(), row.id())).isEmpty();
        assertThat(console.sandbox().store().useProjectKey(raw)).isEmpty();
    }

    @Test
    void deactivateInsteadLeavesTheKeyRecoverable(FxRobot robot) {
        console.awaitLoaded();
        ProjectRow project = console.projectWithAnActiveKey();
        console.selectProject(robot, project);
        KeyRow row = console.shownKey(key -> key.key().valid());
        ConsoleFixture.clickRow(robot, "#keysTable", row);
        robot.type(javafx.scene.input.KeyCode.DELETE);
        robot.clickOn("#deactivateInstead");
        await("deactivated", () -> row.isIdle() && !row.key().valid());
        assertThat(console.sandbox().store().key(project.id(), row.id()).orElseThrow().valid()).isFalse();
    }
}
