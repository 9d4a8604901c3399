package dev.keywarden.ui.console;

import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditFilter;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.sandbox.SandboxServer;
import dev.keywarden.ui.app.MainViewModel;
import dev.keywarden.ui.leak.LeakFinderDialog;
import dev.keywarden.ui.store.KeyRow;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import static dev.keywarden.ui.console.ConsoleFixture.await;
import static dev.keywarden.ui.console.ConsoleFixture.shortcut;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident flows in one window, each test on its own keys: every key in one table, the leak finder and its
 * bulk plan driven from the keyboard alone (Ctrl+L, paste, Enter, Enter, Enter), Undo with Ctrl+Z from the
 * filter, the audit trail of what was done, and a revocation that needs its word typed. Saves the screenshots the
 * README shows.
 */
class IncidentConsoleTest extends SharedConsoleTest {

    private MainViewModel model() {
        return console.model();
    }

    private SandboxServer sandbox() {
        return console.sandbox();
    }

    /** Gives the main window the keyboard again after a dialog closed (headless windows do not always get it back). */
    private void focusMainWindow(FxRobot robot) {
        robot.clickOn("#runningTasks");
    }

    /** An active project key no other test of this class changes: the n-th (from 0) of those. */
    private KeyRow activeProjectKey(int nth) {
        return model().store().rows().stream().filter(row -> row.kind() == KeyKind.PROJECT && row.key().valid())
                .skip(nth).findFirst().orElseThrow();
    }

    @Test
    void everyKeyOfTheOrganisationInOneTable(FxRobot robot) {
        console.awaitLoaded();
        shortcut(robot, KeyCode.DIGIT3);
        await("every key loaded", () -> model().allKeys().loadedProperty().get() && !model().allKeys().loadingProperty().get());

        int projectKeys = sandbox().store().projects().stream().mapToInt(project -> sandbox().store().keys(project.id()).size()).sum();
        List<KeyRow> rows = List.copyOf(model().allKeys().rows());
        assertThat(rows.stream().filter(row -> row.kind() == KeyKind.PROJECT)).hasSize(projectKeys);
        assertThat(rows).allMatch(row -> row.kind() == KeyKind.ORGANISATION ? row.ownerLabel().equals("Organisation")
                : row.ownerLabel().equals(sandbox().store().project(row.projectId()).orElseThrow().name()));
        TableView<?> table = robot.lookup("#allKeysTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(rows.size());
        assertThat(table.getColumns()).extracting(column -> column.getText())
                .containsExactly("Project", "Kind", "Name", "Value", "Status", "Expires", "Rotation", "Created", "Last used", "Staleness");
        assertThat(robot.lookup("#allKeysCount").queryAs(Label.class).getText()).isEqualTo(rows.size() + " keys");
        assertThat(String.join("\n", rows.stream().map(row -> row.key().value()).toList())).doesNotContain("confident_");
        // At the smallest size the console is made for (issue 16): every suffix, date and status whole.
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        ConsoleFixture.screenshot(stage.getScene(), "all-keys");

        robot.clickOn("#allKeysFilter").write("Organisation");
        await("filtered", () -> table.getItems().size() < rows.size());
        assertThat(robot.lookup("#allKeysCount").queryAs(Label.class).getText()).endsWith(" of " + rows.size() + " keys");
    }

    @Test
    void aLeakedKeyInALogLineIsFoundSwitchedOffFromTheKeyboardAndUndoneFromTheFilter(FxRobot robot) throws Exception {
        console.awaitLoaded();
        KeyRow victim = activeProjectKey(0);
        String raw = sandbox().store().rawValue(victim.id());
        assertThat(raw).as("a key in the shape real keys have").matches("confident_us_proj_[A-Za-z0-9+/]{43}=");

        shortcut(robot, KeyCode.L);
        await("the leak finder", () -> robot.lookup("#leakText").tryQuery().isPresent());
        TextArea text = robot.lookup("#leakText").queryAs(TextArea.class);
        robot.interact(() -> text.replaceSelection("ERROR 401 calling /v1/evaluate Authorization: Bearer " + raw + " (retry 3)"));
        // A headless window does not always get the keyboard when it opens: the admin's paste would have put it there.
        robot.clickOn("#leakText");
        robot.type(KeyCode.ENTER);
        await("the match", () -> robot.lookup("#" + LeakFinderDialog.matchId(victim.entry())).tryQuery().isPresent());
        assertThat(robot.lookup("#leakSummary").queryAs(Label.class).getText()).startsWith("1 possible key found: 1 matched one key");
        assertThat(robot.lookup("#" + LeakFinderDialog.matchId(victim.entry())).queryAs(CheckBox.class).isSelected())
                .as("the one key matched is selected").isTrue();
        Scene finder = robot.lookup("#leakFinderDialog").query().getScene();
        ConsoleFixture.screenshot(finder, "leak-finder");

        robot.type(KeyCode.ENTER);
        await("the plan, its key read again", () -> robot.lookup("#bulkDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#bulkPlan .label").queryAs(Label.class).getText()).startsWith("Deactivate 1 key (1 project key)");
        ConsoleFixture.screenshot(robot.lookup("#bulkDialog").query().getScene(), "bulk-plan");

        robot.type(KeyCode.ENTER);
        await("deactivated on the server", () -> !sandbox().store().key(victim.projectId(), victim.id()).orElseThrow().valid());
        await("the result, in every table", () -> !victim.key().valid() && victim.isIdle());
        await("the result listed", () -> robot.lookup("#bulkResults").queryAs(ListView.class).getItems().size() == 1);
        ConsoleFixture.screenshot(robot.lookup("#bulkDialog").query().getScene(), "bulk-result");
        robot.type(KeyCode.ENTER);
        await("the plan closed", () -> robot.lookup("#bulkDialog").tryQuery().isEmpty());
        robot.type(KeyCode.ESCAPE);
        await("the leak finder closed", () -> !finder.getWindow().isShowing());
        assertThat(text.getText()).as("the pasted text is forgotten").isEmpty();
        await("Undo offered once the result was seen", () -> "Deactivated 1 of 1 key.".equals(console.window().view().messages().currentText())
                && robot.lookup("#noticeAction").tryQuery().isPresent());
        assertThat(robot.lookup("#noticeAction").queryAs(Button.class).getText()).matches("Undo \\(\\d+ s\\)");

        focusMainWindow(robot);
        robot.clickOn("#filter").write("abc");
        shortcut(robot, KeyCode.Z);
        await("reactivated by Undo, from the filter", () -> sandbox().store().key(victim.projectId(), victim.id()).orElseThrow().valid());
        assertThat(robot.lookup("#filter").queryAs(TextField.class).getText()).as("the filter's text is not what Ctrl+Z undid")
                .isEqualTo("abc");
        String trail = Files.readString(home.resolve("audit.jsonl"));
        assertThat(trail).doesNotContain(raw).doesNotContain("confident_");
    }

    @Test
    void theAuditTrailListsWhatWasDone(FxRobot robot) throws Exception {
        console.awaitLoaded();
        KeyRow key = activeProjectKey(1);
        robot.interact(() -> model().keyCommands().setValid(key, false));
        await("deactivated", () -> !key.key().valid() && key.isIdle());
        robot.interact(() -> model().keyCommands().setValid(key, true));
        await("reactivated", () -> key.key().valid() && key.isIdle());
        await("both recorded", () -> model().session().changesInFlight().count() == 0);

        List<AuditEntry> written = model().audit().trail().orElseThrow().read(AuditFilter.ALL).entries();
        assertThat(written).filteredOn(entry -> entry.keyId() == key.id()).extracting(AuditEntry::action)
                .containsExactly(KeyAction.DEACTIVATE, KeyAction.ACTIVATE);
        robot.interact(() -> console.window().view().views().getSelectionModel().select(3));
        TableView<?> table = robot.lookup("#auditTable").queryAs(TableView.class);
        await("the audit listed", () -> table.getItems().size() == written.size());
        ConsoleFixture.screenshot(stage.getScene(), "audit");
    }

    @Test
    void revokingSeveralKeysNeedsTheWordTypedFirst(FxRobot robot) {
        console.awaitLoaded();
        robot.interact(() -> console.window().view().views().getSelectionModel().select(2));
        TableView<?> table = robot.lookup("#allKeysTable").queryAs(TableView.class);
        focusMainWindow(robot);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().selectRange(0, 2);
        });
        List<Long> chosen = table.getSelectionModel().getSelectedItems().stream().map(row -> ((KeyRow) row).id()).toList();
        robot.type(KeyCode.DELETE);
        await("the revoke plan", () -> robot.lookup("#bulkDialog").tryQuery().isPresent());
        Button start = robot.lookup("#bulkStart").queryAs(Button.class);
        assertThat(robot.lookup("#bulkPlan .label").queryAs(Label.class).getText()).startsWith("Revoke 2 keys");
        assertThat(start.isDisabled()).isTrue();

        robot.clickOn("#bulkConfirm").write("yes");
        assertThat(start.isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#bulkConfirm").queryAs(TextField.class).setText("REVOKE"));
        assertThat(start.isDisabled()).isFalse();

        robot.type(KeyCode.ESCAPE);
        await("closed without sending", () -> robot.lookup("#bulkDialog").tryQuery().isEmpty());
        assertThat(chosen).allSatisfy(id -> assertThat(model().allKeys().rows()).anyMatch(row -> row.id() == id));
        assertThat(Stream.concat(sandbox().store().orgKeys().stream(),
                        sandbox().store().projects().stream().flatMap(project -> sandbox().store().keys(project.id()).stream()))
                .map(key -> key.id())).as("nothing was revoked, organisation keys included").containsAll(chosen);
    }

    @Test
    void aKeyPastedIntoTheProjectsFilterOpensTheLeakFinderAndTheBoxKeepsOnlyItsMaskedForm(FxRobot robot) {
        console.awaitLoaded();
        KeyRow key = activeProjectKey(2);
        String raw = sandbox().store().rawValue(key.id());
        TextField filter = robot.lookup("#filter").queryAs(TextField.class);

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
    }
}
