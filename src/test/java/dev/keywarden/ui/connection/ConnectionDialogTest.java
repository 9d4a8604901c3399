package dev.keywarden.ui.connection;

import dev.keywarden.api.OrgKey;
import dev.keywarden.api.Region;
import dev.keywarden.api.UnauthorizedException;
import dev.keywarden.core.ConnectionTester;
import dev.keywarden.core.CredentialStore;
import dev.keywarden.core.FakeOrganizationApi;
import dev.keywarden.core.Profile;
import dev.keywarden.testing.FakeKeychain;
import dev.keywarden.testing.TestFxTaskRunner;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ConnectionDialogTest {
    private static final String RAW_KEY = "confident_us_org_0123456789abcdef";
    private static final String REAL_SHAPED_KEY = "confident_us_org_qOkb7Xr2+Lm9/Pz4WY3Sq8Yn3Hc6VvUrOWJf2Bmu1O4=";

    private Stage stage;
    private ConnectionDialog dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void closeDialog(FxRobot robot) {
        if (dialog != null) {
            robot.interact(dialog::close);
        }
    }

    @Test
    void aRefusedKeyShowsTheReasonInRed(FxRobot robot) throws Exception {
        FakeOrganizationApi api = new FakeOrganizationApi(() -> {
            throw new UnauthorizedException("Invalid API key", "GET", "/v1/organization");
        });
        open(robot, null, Set.of(), (url, key) -> ConnectionTester.fetchAndClose(api));

        pasteKey(robot, RAW_KEY);
        robot.clickOn("#testConnection");
        Label result = waitForTestResult(robot);

        assertThat(result.getText()).contains("refused").contains("Invalid API key").doesNotContain(RAW_KEY);
        assertThat(result.getStyleClass()).contains(ConnectionDialog.STYLE_TEST_FAILURE);
        assertThat(api.isClosed()).as("the gateway opened for the test is closed").isTrue();
    }

    @Test
    void aWorkingConnectionShowsTheOrganisationAndRunsOffTheFxThread(FxRobot robot) throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicBoolean ranOnFxThread = new AtomicBoolean(true);
        FakeOrganizationApi api = new FakeOrganizationApi(() -> {
            ranOnFxThread.set(javafx.application.Platform.isFxApplicationThread());
            await(answer);
            return FakeOrganizationApi.organization("Acme Corp", "PREMIUM");
        });
        open(robot, null, Set.of(), (url, key) -> ConnectionTester.fetchAndClose(api));

        pasteKey(robot, RAW_KEY);
        robot.clickOn("#testConnection");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#testProgress").queryAs(ProgressIndicator.class).isVisible()).isTrue();
        assertThat(robot.lookup("#testConnection").queryButton().isDisabled()).isTrue();

        answer.countDown();
        Label result = waitForTestResult(robot);

        assertThat(result.getText()).isEqualTo("Connected to Acme Corp (PREMIUM)");
        assertThat(result.getStyleClass()).contains(ConnectionDialog.STYLE_TEST_SUCCESS);
        assertThat(ranOnFxThread.get()).isFalse();
        assertThat(robot.lookup("#testProgress").queryAs(ProgressIndicator.class).isVisible()).isFalse();
        assertThat(api.isClosed()).isTrue();
    }

    @Test
    void saveStaysDisabledForABlankOrDuplicateName(FxRobot robot) {
        open(robot, null, Set.of("Prod"), (url, key) -> FakeOrganizationApi.organization("Acme", "PREMIUM"));
        pasteKey(robot, RAW_KEY);
        assertThat(saveDisabled(robot)).as("blank name").isTrue();
        assertThat(robot.lookup("#profileNameError").queryAs(Label.class).getText())
                .as("nothing typed in the name yet: no complaint").isEmpty();
        robot.clickOn("#profileName").write("x").type(javafx.scene.input.KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#profileNameError").queryAs(Label.class).getText()).isEqualTo("Enter a name.");

        robot.write("Prod");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(saveDisabled(robot)).as("duplicate name").isTrue();
        assertThat(robot.lookup("#profileNameError").queryAs(Label.class).getText()).contains("Another connection");

        robot.write(" EU");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(saveDisabled(robot)).isFalse();
    }

    @Test
    void theCustomUrlFieldIsUsableOnlyInCustomMode(FxRobot robot) {
        open(robot, null, Set.of(), (url, key) -> FakeOrganizationApi.organization("Acme", "PREMIUM"));
        robot.clickOn("#profileName").write("Self-hosted");
        pasteKey(robot, RAW_KEY);
        TextField customUrl = robot.lookup("#customUrl").queryAs(TextField.class);
        assertThat(customUrl.isDisabled()).isTrue();
        assertThat(saveDisabled(robot)).isFalse();

        robot.clickOn("#customMode");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(customUrl.isDisabled()).isFalse();
        assertThat(robot.lookup("#region").queryAs(ChoiceBox.class).isDisabled()).isTrue();
        assertThat(saveDisabled(robot)).as("custom URL is blank").isTrue();
    }

    @Test
    void editingSaysAnEmptyKeyKeepsTheSavedOne(FxRobot robot) {
        Profile existing = Profile.ofRegion("Prod", Region.EU, "PROD", "#c0392b");
        open(robot, existing, Set.of("Staging"), (url, key) -> FakeOrganizationApi.organization("Acme", "PREMIUM"));

        assertThat(robot.lookup("#orgKey").queryAs(PasswordField.class).getPromptText()).contains("keep the saved key");
        assertThat(robot.lookup("#profileName").queryAs(TextField.class).getText()).isEqualTo("Prod");
        assertThat(robot.lookup("#region").queryAs(ChoiceBox.class).getValue()).isEqualTo(Region.EU);
        assertThat(saveDisabled(robot)).isFalse();
    }

    @Test
    void saysWhereTheKeyIsAndMovesItToTheKeychainOnlyWhenAsked(FxRobot robot, @TempDir Path settings) throws Exception {
        Profile existing = Profile.ofRegion("Prod", Region.US, "PROD", Profile.DEFAULT_COLOUR);
        new CredentialStore(settings).save("Prod", OrgKey.of(REAL_SHAPED_KEY));
        FakeKeychain keychain = new FakeKeychain();
        CredentialStore credentials = new CredentialStore(settings, () -> Optional.of(keychain));
        robot.interact(() -> {
            dialog = new ConnectionDialog(existing, Set.of(), (url, key) -> FakeOrganizationApi.organization("Acme", "PREMIUM"),
                    credentials::read, new KeyStorageModel(credentials, "Prod", new TestFxTaskRunner()), new TestFxTaskRunner());
            dialog.initOwner(stage);
            dialog.show();
        });
        Label where = robot.lookup("#keyStorage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> where.getText().startsWith("The saved key is in credentials"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(keychain.entries()).as("showing the dialog moves nothing").isEmpty();

        robot.clickOn("#moveKeyToKeychain");

        Label outcome = robot.lookup("#moveKeyOutcome").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> where.getText().equals("The saved key is in the test keychain."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(outcome.getText()).isEqualTo("Moved: credentials.properties no longer holds this key.");
        assertThat(robot.lookup("#moveKeyToKeychain").queryButton().isVisible()).isFalse();
        assertThat(keychain.entries()).containsValue(REAL_SHAPED_KEY);
        assertThat(new CredentialStore(settings).read("Prod")).isEmpty();
    }

    @Test
    void screenshot(FxRobot robot) throws Exception {
        open(robot, null, Set.of(), (url, key) -> FakeOrganizationApi.organization("Acme Corp", "PREMIUM"));
        robot.clickOn("#profileName").write("Acme production");
        pasteKey(robot, RAW_KEY);
        robot.clickOn("#label").write("PROD");
        robot.clickOn("#testConnection");
        waitForTestResult(robot);

        Path file = screenshotFolder().resolve("connection-dialog.png");
        Node pane = dialog.getDialogPane();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> pane.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        assertThat(file).isNotEmptyFile();
    }

    private void open(FxRobot robot, Profile existing, Set<String> others, ConnectionTester tester) {
        robot.interact(() -> {
            dialog = new ConnectionDialog(existing, others, tester, name -> Optional.empty(), new TestFxTaskRunner());
            dialog.initOwner(stage);
            dialog.show();
        });
    }

    /**
     * Puts a key in the key field as a paste does, in one change: typing it through the robot waits for the FX thread
     * after each of its characters (about 2.5 s a key at TestFX's own pace, which {@code -Dgui} keeps), and no test
     * here is about how a key is typed.
     */
    private static void pasteKey(FxRobot robot, String key) {
        robot.clickOn("#orgKey");
        robot.interact(() -> robot.lookup("#orgKey").queryAs(TextInputControl.class).replaceSelection(key));
    }

    private static Label waitForTestResult(FxRobot robot) throws Exception {
        Label result = robot.lookup("#testResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !result.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    private static boolean saveDisabled(FxRobot robot) {
        return robot.lookup("#save").queryButton().isDisabled();
    }

    private static Path screenshotFolder() throws Exception {
        Path folder = Path.of(System.getProperty("keywarden.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        return folder;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
