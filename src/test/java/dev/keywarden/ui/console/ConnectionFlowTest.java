package dev.keywarden.ui.console;

import dev.keywarden.ui.connection.ConnectionSession;

import dev.keywarden.core.CredentialStore;
import dev.keywarden.core.ProfileStore;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Connecting an organisation from the header: a wrong key says why; a right one is saved and opened. */
class ConnectionFlowTest extends ConsoleTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void fillCustomConnection(FxRobot robot, String name, String orgKey) {
        robot.clickOn("#customMode");
        robot.interact(() -> {
            robot.lookup("#profileName").queryAs(TextField.class).setText(name);
            robot.lookup("#customUrl").queryAs(TextField.class).setText(console.sandbox().baseUrl());
            robot.lookup("#orgKey").queryAs(PasswordField.class).setText(orgKey);
            robot.lookup("#label").queryAs(TextField.class).setText("STAGING");
        });
    }

    @Test
    void testingAWrongKeyShowsWhyItFailed(FxRobot robot) {
        console.awaitLoaded();
        robot.clickOn("#addConnection");
        fillCustomConnection(robot, "Local staging", "confident_us_org_wrongwrongwrong");
        robot.clickOn("#testConnection");

        Label result = robot.lookup("#testResult").queryAs(Label.class);
        await("the test's answer", () -> result.getText() != null && !result.getText().isBlank());
        assertThat(result.getText()).contains("refused").contains("Invalid API key").doesNotContain("wrongwrongwrong");
        ConsoleFixture.screenshot(result.getScene(), "connection-dialog");
        robot.clickOn("#cancel");
    }

    @Test
    void aSavedConnectionOpensAndItsKeyIsOnlyInTheOwnerOnlyCredentialsFile(FxRobot robot) throws Exception {
        console.awaitLoaded();
        String orgKey = console.sandbox().orgKey();
        robot.clickOn("#addConnection");
        fillCustomConnection(robot, "Local staging", orgKey);
        robot.clickOn("#testConnection");
        Label result = robot.lookup("#testResult").queryAs(Label.class);
        await("the test's answer", () -> result.getText() != null && result.getText().startsWith("Connected"));
        robot.clickOn("#save");

        await("the new connection open", () -> console.window().view().connections().currentProperty().get() != null
                && "Local staging".equals(console.window().view().connections().currentProperty().get().name())
                && !console.model().projects().rows().isEmpty());
        assertThat(robot.lookup("#sandboxBanner").query().isVisible()).isFalse();
        assertThat(robot.lookup("#profileBadge").queryAs(Label.class).getText()).isEqualTo("STAGING");

        Path credentials = home.resolve(CredentialStore.FILE_NAME);
        // All but the last 6 characters: a properties file writes the key's closing = as \=.
        String secretPart = orgKey.substring(0, orgKey.length() - 6);
        assertThat(Files.readString(credentials)).contains(secretPart);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        await("last connection remembered", () -> ProfileStore.open(home, new CredentialStore(home)).lastProfileName()
                .filter("Local staging"::equals).isPresent());
        try (var files = Files.list(home)) {
            for (Path file : files.filter(f -> !f.equals(credentials)).toList()) {
                assertThat(Files.readString(file)).as(file.getFileName().toString()).doesNotContain(secretPart);
            }
        }

        robot.clickOn("#editConnection");
        robot.interact(() -> {
            robot.lookup("#label").queryAs(TextField.class).setText("STAGE 2");
            robot.lookup("#profileName").queryAs(TextField.class).setText("Local staging 2");
        });
        robot.clickOn("#save");
        await("the edited connection open again", () -> "STAGE 2".equals(robot.lookup("#profileBadge").queryAs(Label.class).getText())
                && console.model().session().stateProperty().get() == dev.keywarden.ui.connection.ConnectionSession.State.CONNECTED);
        javafx.scene.control.ComboBox<?> switcher = robot.lookup("#connectionSwitcher").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(switcher.getSelectionModel().getSelectedIndex()).as("the drop-down shows the edited connection").isNotNegative();
        assertThat(String.valueOf(switcher.getValue())).isEqualTo("Local staging 2 [STAGE 2]");
        assertThat(((javafx.scene.control.skin.ComboBoxListViewSkin<?>) switcher.getSkin()).getDisplayNode())
                .isInstanceOfSatisfying(javafx.scene.control.ListCell.class,
                        cell -> assertThat(cell.getText()).isEqualTo("Local staging 2 [STAGE 2]"));

        robot.clickOn("#removeConnection");
        robot.clickOn("OK");
        await("back on the sandbox", () -> console.window().view().connections().currentProperty().get().isSandbox()
                && console.model().session().stateProperty().get() == dev.keywarden.ui.connection.ConnectionSession.State.CONNECTED);
        assertThat(Files.readString(credentials)).doesNotContain(secretPart);
        assertThat(console.window().view().connections().choices()).noneMatch(choice -> choice.name().startsWith("Local staging"));
    }
}
