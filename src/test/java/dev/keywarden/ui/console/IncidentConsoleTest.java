package dev.keywarden.ui.console;

import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.core.AppContext;
import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditFilter;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.sandbox.SandboxServer;
import dev.keywarden.ui.app.EmbeddedSandbox;
import dev.keywarden.ui.app.KeywardenWindow;
import dev.keywarden.ui.app.LaunchOptions;
import dev.keywarden.ui.app.MainViewModel;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.leak.LeakFinderDialog;
import dev.keywarden.ui.store.KeyRow;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident flows in one window, in order: every key in one table, the leak finder and its bulk
 * plan driven from the keyboard alone (Ctrl+L, paste, Enter, Enter, Enter), Undo with Ctrl+Z, and the
 * audit trail of what was done. Saves the screenshots the README shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncidentConsoleTest {
    @TempDir
    static Path home;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private KeywardenWindow window;

    @BeforeAll
    void openOneWindow() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        // Windows other test classes left in this JVM would take this one's clicks and keys.
        FxToolkit.cleanupStages();
        FxToolkit.setupFixture(() -> {
            window = new KeywardenWindow(stage, AppContext.loadFrom(home, Map.of()), HttpConfidentApi::new,
                    new EmbeddedSandbox("--seed", "20261127"));
            window.show(LaunchOptions.parse());
            stage.setWidth(1180);
            stage.setHeight(760);
        });
        await("connected and loaded", () -> model().session().stateProperty().get() == ConnectionSession.State.CONNECTED
                && !model().projects().rows().isEmpty() && window.runner().running().isEmpty());
    }

    @AfterAll
    void closeTheWindow() throws Exception {
        robot.interact(window::close);
        FxToolkit.cleanupStages();
    }

    private MainViewModel model() {
        return window.model();
    }

    private SandboxServer sandbox() {
        return window.sandbox().server();
    }

    private void shortcut(KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    /** Gives the main window the keyboard again after a dialog closed (headless windows do not always get it back). */
    private void focusMainWindow() {
        robot.clickOn("#runningTasks");
    }

    @Test
    @Order(1)
    void everyKeyOfTheOrganisationInOneTable() {
        shortcut(KeyCode.DIGIT3);
        await("every key loaded", () -> model().allKeys().loadedProperty().get() && !model().allKeys().loadingProperty().get());

        int projectKeys = sandbox().store().projects().stream().mapToInt(project -> sandbox().store().keys(project.id()).size()).sum();
        List<KeyRow> rows = model().allKeys().rows();
        assertThat(rows.stream().filter(row -> row.kind() == KeyKind.PROJECT)).hasSize(projectKeys);
        assertThat(rows).allMatch(row -> row.kind() == KeyKind.ORGANISATION ? row.ownerLabel().equals("Organisation")
                : row.ownerLabel().equals(sandbox().store().project(row.projectId()).orElseThrow().name()));
        TableView<?> table = robot.lookup("#allKeysTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(rows.size());
        assertThat(table.getColumns()).extracting(column -> column.getText())
                .containsExactly("Project", "Kind", "Name", "Value", "Status", "Created", "Last used", "Staleness");
        assertThat(robot.lookup("#allKeysCount").queryAs(Label.class).getText()).isEqualTo(rows.size() + " keys");
        assertThat(String.join("\n", rows.stream().map(row -> row.key().value()).toList())).doesNotContain("confident_");
        ConsoleFixture.screenshot(stage.getScene(), "all-keys");

        robot.clickOn("#allKeysFilter").write("Organisation");
        await("filtered", () -> table.getItems().size() < rows.size());
        assertThat(robot.lookup("#allKeysCount").queryAs(Label.class).getText()).endsWith(" of " + rows.size() + " keys");
        robot.interact(() -> robot.lookup("#allKeysFilter").queryAs(javafx.scene.control.TextField.class).clear());
    }

    @Test
    @Order(2)
    void aLeakedKeyInALogLineIsFoundAndSwitchedOffFromTheKeyboard() throws Exception {
        KeyRow victim = model().allKeys().rows().stream()
                .filter(row -> row.kind() == KeyKind.PROJECT && row.key().valid()).findFirst().orElseThrow();
        String raw = sandbox().store().rawValue(victim.id());

        shortcut(KeyCode.L);
        await("the leak finder", () -> robot.lookup("#leakText").tryQuery().isPresent());
        TextArea text = robot.lookup("#leakText").queryAs(TextArea.class);
        robot.interact(() -> text.replaceSelection("ERROR 401 calling /v1/evaluate Authorization: Bearer " + raw + " (retry 3)"));
        // A headless window does not always get the keyboard when it opens: the admin's paste would have put it there.
        robot.clickOn("#leakText");
        robot.type(KeyCode.ENTER);
        await("the match", () -> robot.lookup("#" + LeakFinderDialog.matchId(victim.entry())).tryQuery().isPresent());
        assertThat(robot.lookup("#leakSummary").queryAs(Label.class).getText()).startsWith("1 possible key found: 1 matched one key");
        assertThat(robot.lookup("#" + LeakFinderDialog.matchId(victim.entry())).queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .as("the one key matched is selected").isTrue();
        Scene finder = robot.lookup("#leakFinderDialog").query().getScene();
        ConsoleFixture.screenshot(finder, "leak-finder");

        robot.type(KeyCode.ENTER);
        await("the plan", () -> robot.lookup("#bulkDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#bulkPlan .label").queryAs(Label.class).getText()).startsWith("Deactivate 1 key (1 project key)");
        ConsoleFixture.screenshot(robot.lookup("#bulkDialog").query().getScene(), "bulk-plan");

        robot.type(KeyCode.ENTER);
        await("deactivated on the server", () -> !sandbox().store().key(victim.projectId(), victim.id()).orElseThrow().valid());
        await("the result", () -> model().allKeys().rows().stream().anyMatch(row -> row.id() == victim.id()
                && !row.key().valid()));
        await("the result listed", () -> robot.lookup("#bulkResults").queryAs(javafx.scene.control.ListView.class).getItems().size() == 1);
        ConsoleFixture.screenshot(robot.lookup("#bulkDialog").query().getScene(), "bulk-result");
        robot.type(KeyCode.ENTER);
        await("the plan closed", () -> robot.lookup("#bulkDialog").tryQuery().isEmpty());
        robot.type(KeyCode.ESCAPE);
        await("the leak finder closed", () -> !finder.getWindow().isShowing());
        assertThat(text.getText()).as("the pasted text is forgotten").isEmpty();
        assertThat(window.view().messages().currentText()).isEqualTo("Deactivated 1 of 1 key.");

        // Ctrl+Z in a text box undoes typing there: the key undo is for the tables.
        focusMainWindow();
        robot.interact(() -> robot.lookup("#allKeysTable").query().requestFocus());
        shortcut(KeyCode.Z);
        await("reactivated by Undo", () -> sandbox().store().key(victim.projectId(), victim.id()).orElseThrow().valid());
        String trail = Files.readString(home.resolve("audit.jsonl"));
        assertThat(trail).doesNotContain(raw).doesNotContain("confident_");
    }

    @Test
    @Order(3)
    void theAuditTrailListsWhatWasDone() throws Exception {
        robot.interact(() -> window.view().views().getSelectionModel().select(3));
        List<AuditEntry> written = model().audit().trail().orElseThrow().read(AuditFilter.ALL).entries();
        assertThat(written).extracting(entry -> entry.action().verb()).containsExactly("deactivate", "reactivate");
        TableView<?> table = robot.lookup("#auditTable").queryAs(TableView.class);
        await("the audit listed", () -> table.getItems().size() == 2);
        ConsoleFixture.screenshot(stage.getScene(), "audit");
    }

    @Test
    @Order(4)
    void revokingSeveralKeysNeedsTheWordTypedFirst() {
        robot.interact(() -> window.view().views().getSelectionModel().select(2));
        TableView<?> table = robot.lookup("#allKeysTable").queryAs(TableView.class);
        focusMainWindow();
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().selectRange(0, 2);
        });
        List<Long> chosen = table.getSelectionModel().getSelectedItems().stream().map(row -> ((KeyRow) row).id()).toList();
        robot.type(KeyCode.DELETE);
        await("the revoke plan", () -> robot.lookup("#bulkDialog").tryQuery().isPresent());
        javafx.scene.control.Button start = robot.lookup("#bulkStart").queryAs(javafx.scene.control.Button.class);
        assertThat(robot.lookup("#bulkPlan .label").queryAs(Label.class).getText()).startsWith("Revoke 2 keys");
        assertThat(start.isDisabled()).isTrue();

        robot.clickOn("#bulkConfirm").write("yes");
        assertThat(start.isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#bulkConfirm").queryAs(javafx.scene.control.TextField.class).setText("REVOKE"));
        assertThat(start.isDisabled()).isFalse();

        robot.type(KeyCode.ESCAPE);
        await("closed without sending", () -> robot.lookup("#bulkDialog").tryQuery().isEmpty());
        assertThat(chosen).allSatisfy(id -> assertThat(model().allKeys().rows()).anyMatch(row -> row.id() == id));
        assertThat(java.util.stream.Stream.concat(sandbox().store().orgKeys().stream(),
                        sandbox().store().projects().stream().flatMap(project -> sandbox().store().keys(project.id()).stream()))
                .map(key -> key.id())).as("nothing was revoked, organisation keys included").containsAll(chosen);
    }

    @Test
    @Order(5)
    void aKeyPastedIntoTheProjectsFilterOpensTheLeakFinderAndTheBoxKeepsOnlyItsMaskedForm() {
        KeyRow key = model().allKeys().rows().stream().filter(row -> row.kind() == KeyKind.PROJECT).findFirst().orElseThrow();
        String raw = sandbox().store().rawValue(key.id());
        robot.interact(() -> window.view().views().getSelectionModel().select(0));
        javafx.scene.control.TextField filter = robot.lookup("#filter").queryAs(javafx.scene.control.TextField.class);

        robot.interact(() -> {
            filter.requestFocus();
            filter.replaceSelection(raw);
        });
        await("the leak finder", () -> robot.lookup("#leakFinderDialog").tryQuery().isPresent());

        assertThat(filter.getText()).isEqualTo("***************" + key.entry().suffix());
        assertThat(model().projects().filter().textProperty().get()).doesNotContain("confident_");
        await("matched", () -> robot.lookup("#" + LeakFinderDialog.matchId(key.entry())).tryQuery().isPresent());
        robot.clickOn("#leakText");
        robot.type(KeyCode.ESCAPE);
        await("closed", () -> robot.lookup("#leakFinderDialog").tryQuery().isEmpty());
        robot.interact(filter::clear);
    }
}
