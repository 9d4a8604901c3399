package dev.keywarden.ui.console;

import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.store.KeyRow;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The organisation keys tab: the key in use marked, the guard against locking yourself out, the rename. */
class OrgKeysViewTest extends SharedConsoleTest {
    private void showOrganisationKeys(FxRobot robot) {
        console.awaitLoaded();
        robot.clickOn("#orgKeysTab");
        await("the organisation keys", () -> !console.model().orgKeys().rows().isEmpty()
                && !console.model().orgKeys().loadingProperty().get());
    }

    private KeyRow keyInUse() {
        return console.model().orgKeys().keyInUse().row();
    }

    @Test
    void theOrganisationKeysAreListedAndTheKeyInUseIsMarked(FxRobot robot) {
        showOrganisationKeys(robot);
        assertThat(console.model().orgKeys().rows()).hasSize(console.sandbox().store().orgKeys().size())
                .allSatisfy(row -> assertThat(row.key().value()).matches("\\*{15}.{6}"));
        KeyRow inUse = keyInUse();
        assertThat(inUse).as("the sandbox's own key is marked").isNotNull();
        assertThat(console.sandbox().orgKey()).endsWith(inUse.key().suffix());
        assertThat(robot.lookup("#keyInUse").queryAs(Label.class).getText()).contains("This connection uses");
        assertThat(robot.lookup("#orgKeysTable .table-cell").queryAll()).anySatisfy(cell ->
                assertThat(((javafx.scene.control.TableCell<?, ?>) cell).getText()).isNotNull().contains("this connection"));
        ConsoleFixture.screenshot(stage.getScene(), "org-keys");
    }

    @Test
    void deactivatingTheKeyInUseAsksAndCancellingLeavesItActive(FxRobot robot) {
        showOrganisationKeys(robot);
        KeyRow inUse = keyInUse();
        ConsoleFixture.flipSwitch(robot, "#orgKeysTable", inUse);
        await("the question", () -> robot.lookup("#lockOutDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#lockOutDialog .content").queryAs(Label.class).getText())
                .contains("this connection stops working");
        ConsoleFixture.screenshot(robot.lookup("#lockOutDialog").query().getScene(), "org-key-lock-out-question");
        javafx.scene.control.Button cancel = robot.lookup("#lockOutDialog .button")
                .match((javafx.scene.control.Button button) -> button.getText().equals("Cancel")).query();
        assertThat(cancel.isDefaultButton()).as("Enter cancels").isTrue();
        assertThat(robot.lookup("#lockOutDialog .button").queryAllAs(javafx.scene.control.Button.class))
                .extracting(javafx.scene.control.Button::getText).contains("Deactivate and lock out");
        robot.clickOn(cancel);
        await("the question closed", () -> robot.lookup("#lockOutDialog").tryQuery().isEmpty());

        assertThat(inUse.key().valid()).isTrue();
        assertThat(inUse.isIdle()).isTrue();
        assertThat(console.sandbox().store().orgKey(inUse.id()).map(ApiKey::valid)).contains(true);
        assertThat(robot.lookup("#toggle-" + inUse.id()).queryAs(org.controlsfx.control.ToggleSwitch.class).isSelected()).isTrue();
        assertThat(console.model().session().stateProperty().get()).isEqualTo(ConnectionSession.State.CONNECTED);
    }

    @Test
    void theOrganisationIsRenamedFromTheHeader(FxRobot robot) {
        console.awaitLoaded();
        robot.clickOn("#renameOrganization");
        TextField name = robot.lookup("#organizationNewName").queryAs(TextField.class);
        robot.interact(() -> name.setText(""));
        robot.clickOn("#organizationNewName").write("Acme Holdings");
        robot.clickOn("#submit");
        await("the new name", () -> robot.lookup("#organizationName").queryAs(Label.class).getText().startsWith("Acme Holdings"));
        assertThat(console.sandbox().store().organization().name()).isEqualTo("Acme Holdings");
        robot.type(KeyCode.ESCAPE);
    }
}
