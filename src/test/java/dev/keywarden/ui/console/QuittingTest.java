package dev.keywarden.ui.console;

import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditFilter;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.store.KeyRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.List;

import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Closing the window with a change under way: it finishes, is recorded, and then the window closes. */
class QuittingTest extends ConsoleTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void ctrlQWithAChangeUnderWaySaysItIsFinishingItAndClosesOnceItIsRecorded(FxRobot robot) throws Exception {
        console.awaitLoaded();
        ProjectRow project = console.projectWithAnActiveKey();
        console.selectProject(robot, project);
        KeyRow row = console.shownKey(key -> key.key().valid());
        console.sandbox().setLatency(Duration.ofSeconds(2));

        ConsoleFixture.flipSwitch(robot, "#keysTable", row);
        await("the change sent", () -> console.model().session().changesInFlight().count() == 1);
        ConsoleFixture.shortcut(robot, KeyCode.Q);

        await("finishing", () -> "Finishing 1 change\u2026".equals(console.window().view().messages().currentText()));
        assertThat(stage.isShowing()).as("the window waits for the change").isTrue();
        await("closed once the change and its audit entry are done", () -> !stage.isShowing());

        assertThat(console.sandbox().store().key(project.id(), row.id()).orElseThrow().valid()).isFalse();
        List<AuditEntry> trail = console.model().audit().trail().orElseThrow().read(AuditFilter.ALL).entries();
        assertThat(trail).singleElement().satisfies(entry -> {
            assertThat(entry.keyId()).isEqualTo(row.id());
            assertThat(entry.action()).isEqualTo(KeyAction.DEACTIVATE);
        });
    }
}
