package dev.keywarden.ui.console;

import dev.keywarden.ui.connection.KeyLifecycleSupport;
import dev.keywarden.ui.store.KeyRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** On a server without the v2 key lifecycle: no Expires / Rotation columns, no Rotate…, and one line saying why. */
class NoKeyLifecycleConsoleTest extends SharedConsoleTest {

    @Override
    String[] sandboxOptions() {
        return new String[] {"--no-v2"};
    }

    @Test
    void theV2ControlsAreAbsentAndOneLineSaysWhy(FxRobot robot) {
        console.awaitLoaded();
        await("the server said it has no v2", () -> console.model().session().keyLifecycle().absent().get());
        console.selectProject(robot, console.projectWithAnActiveKey());

        Label line = robot.lookup("#keysLifecycleAbsent").queryAs(Label.class);
        assertThat(line.isVisible()).isTrue();
        assertThat(line.getText()).isEqualTo(KeyLifecycleSupport.ABSENT);
        TableView<?> keys = robot.lookup("#keysTable").queryAs(TableView.class);
        assertThat(keys.getColumns()).filteredOn(column -> column.getId().equals("expires") || column.getId().equals("rotation"))
                .allMatch(column -> !column.isVisible());
        assertThat(robot.lookup("#rotateKey").query().isVisible()).isFalse();

        KeyRow row = console.shownKey(key -> key.key().valid());
        ConsoleFixture.clickRow(robot, "#keysTable", row);
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.SHORTCUT);
        assertThat(robot.lookup("#rotateKeyDialog").tryQuery()).as("Ctrl+Shift+R does nothing here").isEmpty();
        Node[] allKeysFilter = new Node[1];
        robot.interact(() -> allKeysFilter[0] = console.window().view().allKeysTab().pane().lookup("#lifecycleFilter"));
        assertThat(allKeysFilter[0]).isNotNull();
        assertThat(allKeysFilter[0].isVisible()).isFalse();
    }
}
