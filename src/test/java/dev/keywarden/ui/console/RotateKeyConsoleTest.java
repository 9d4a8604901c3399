package dev.keywarden.ui.console;

import dev.keywarden.testing.MutableClock;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.store.KeyRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's "done when": a project key rotated with an hour of grace in the sandbox; the pending rotation shown, the new
 * value shown once; the old value still accepted (with {@code Sunset}) until the clock passes {@code rotatesAt}, then
 * refused while the new value works.
 */
class RotateKeyConsoleTest extends SharedConsoleTest {
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final OkHttpClient http = new OkHttpClient();

    @Override
    Clock clock() {
        return clock;
    }

    @AfterAll
    void closeTheClient() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void aProjectKeyRotatedWithAnHourOfGraceKeepsItsOldValueUntilRotatesAtThenOnlyTheNewOneWorks(FxRobot robot) throws IOException {
        console.awaitLoaded();
        await("the server offers v2", () -> console.model().session().keyLifecycle().isOffered());
        ProjectRow project = console.projectWithAnActiveKey();
        console.selectProject(robot, project);
        KeyRow row = console.shownKey(key -> key.key().valid());
        String oldValue = console.sandbox().store().rawValue(row.id());
        assertThat(expiresCell(robot, row)).as("a demo key never expires").isEqualTo("never");

        ConsoleFixture.clickRow(robot, "#keysTable", row);
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.SHORTCUT);
        await("the Rotate… dialog", () -> robot.lookup("#rotateKeyDialog").tryQuery().isPresent());
        robot.clickOn("#graceHOUR");
        Label plan = robot.lookup("#rotationPlan").queryAs(Label.class);
        await("the plan for an hour of grace", () -> plan.getText().contains("keeps working for 1 h"));
        assertThat(plan.getText()).contains("ending " + row.key().suffix()).contains("The key still never expires.");
        ConsoleFixture.screenshot(plan.getScene(), "rotate-dialog");

        robot.clickOn("#submit");
        await("the new value, shown once", () -> robot.lookup("#secretValue").tryQuery().isPresent());
        String newValue = robot.lookup("#secretValue").queryAs(TextField.class).getText();
        assertThat(newValue).startsWith("confident_us_proj_").isNotEqualTo(oldValue);
        javafx.stage.Window secretWindow = robot.lookup("#secretDialog").query().getScene().getWindow();
        robot.clickOn("I have stored it");
        await("the secret dialog closed", () -> !secretWindow.isShowing());

        await("the pending rotation in the row", () -> row.isIdle() && row.key().isRotationPending());
        assertThat(rotationCell(robot, row)).isEqualTo("rotating: old value stops in 1 h");
        assertThat(row.key().value()).as("the table keeps the masked value").doesNotContain(newValue);
        ConsoleFixture.screenshot(stage.getScene(), "keys-rotation-pending");
        await("the rotation in the audit trail", () -> rotationsRecorded(row) == 1);

        try (Response old = datasets(oldValue)) {
            assertThat(old.code()).isEqualTo(200);
            assertThat(old.header("Sunset")).as("the outgoing value is told when it stops").isNotNull();
        }
        try (Response fresh = datasets(newValue)) {
            assertThat(fresh.code()).isEqualTo(200);
            assertThat(fresh.header("Sunset")).isNull();
        }

        clock.advance(Duration.ofMinutes(59));
        robot.interact(() -> console.window().view().keysPane().table().refresh());
        assertThat(rotationCell(robot, row)).as("the drain counts down").isEqualTo("rotating: old value stops in 1 min");
        try (Response old = datasets(oldValue)) {
            assertThat(old.code()).isEqualTo(200);
        }

        clock.advance(Duration.ofMinutes(1));
        try (Response old = datasets(oldValue)) {
            assertThat(old.code()).as("the old value has stopped").isEqualTo(401);
        }
        try (Response fresh = datasets(newValue)) {
            assertThat(fresh.code()).isEqualTo(200);
        }
    }

    @Test
    void severalKeysSelectedInAllKeysAreRotatedOneDialogEach(FxRobot robot) throws IOException {
        console.awaitLoaded();
        await("the server offers v2", () -> console.model().session().keyLifecycle().isOffered());
        ConsoleFixture.shortcut(robot, KeyCode.DIGIT3);
        await("every key loaded", () -> console.model().allKeys().loadedProperty().get()
                && !console.model().allKeys().loadingProperty().get());
        javafx.scene.control.TableView<KeyRow> table = console.window().view().allKeysTab().pane().table();
        List<KeyRow> chosen = new ArrayList<>();
        robot.interact(() -> {
            table.getItems().stream().filter(row -> !row.isOrganizationKey() && row.key().valid() && !row.key().isRotationPending())
                    .limit(2).forEach(chosen::add);
            table.getSelectionModel().clearSelection();
            chosen.forEach(row -> table.getSelectionModel().select(row));
        });
        assertThat(chosen).hasSize(2);
        List<String> oldValues = chosen.stream().map(row -> console.sandbox().store().rawValue(row.id())).toList();

        robot.clickOn("#bulkRotate");
        List<String> newValues = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            await("the Rotate… dialog for key " + (i + 1), () -> robot.lookup("#rotateKeyDialog").tryQuery().isPresent());
            robot.clickOn("#graceNONE");
            robot.clickOn("#submit");
            await("its new value", () -> robot.lookup("#secretValue").tryQuery().isPresent());
            newValues.add(robot.lookup("#secretValue").queryAs(TextField.class).getText());
            javafx.stage.Window secretWindow = robot.lookup("#secretDialog").query().getScene().getWindow();
            robot.interact(secretWindow::hide);
        }

        assertThat(newValues).doesNotHaveDuplicates().noneMatch(oldValues::contains);
        for (int i = 0; i < 2; i++) {
            try (Response old = datasets(oldValues.get(i)); Response fresh = datasets(newValues.get(i))) {
                assertThat(old.code()).as("no grace: the old value stopped at once").isEqualTo(401);
                assertThat(fresh.code()).isEqualTo(200);
            }
        }
    }

    /** Read on the FX thread by await; the trail is small here, and the file is only read. */
    private long rotationsRecorded(KeyRow row) {
        try {
            return console.model().audit().trail().orElseThrow()
                    .read(dev.keywarden.core.audit.AuditFilter.ALL.actions(java.util.Set.of(dev.keywarden.core.keys.KeyAction.ROTATE)))
                    .entries().stream().filter(entry -> entry.keyId() == row.id() && row.key().rotatesAt().equals(entry.rotatesAt()))
                    .count();
        } catch (dev.keywarden.core.audit.AuditException e) {
            throw new AssertionError(e);
        }
    }

    private Response datasets(String key) throws IOException {
        return http.newCall(new Request.Builder().url(console.sandbox().baseUrl() + "/v1/datasets")
                .header("CONFIDENT_API_KEY", key).build()).execute();
    }

    private static String expiresCell(FxRobot robot, KeyRow row) {
        return cellText(robot, row, "expires");
    }

    private static String rotationCell(FxRobot robot, KeyRow row) {
        return cellText(robot, row, "rotation");
    }

    @SuppressWarnings("unchecked")
    private static String cellText(FxRobot robot, KeyRow row, String columnId) {
        String[] text = new String[1];
        robot.interact(() -> {
            Node tableRow = ConsoleFixture.rowOf(robot, "#keysTable", row);
            text[0] = tableRow.lookupAll(".table-cell").stream().map(node -> (TableCell<KeyRow, ?>) node)
                    .filter(cell -> cell.getTableColumn() != null && columnId.equals(cell.getTableColumn().getId()))
                    .map(TableCell::getText).findFirst().orElse(null);
        });
        return text[0];
    }
}
