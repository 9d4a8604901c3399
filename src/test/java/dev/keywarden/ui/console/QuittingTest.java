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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
        // Long enough that Ctrl+Q comes while the change is in flight, however busy the machine.
        console.sandbox().setLatency(Duration.ofSeconds(5));
        // What the window showed and still had under way when it closed, read on the FX thread as it hides.
        AtomicReference<String> messageWhenClosed = new AtomicReference<>();
        AtomicInteger changesWhenClosed = new AtomicInteger(-1);
        robot.interact(() -> stage.showingProperty().addListener((obs, was, showing) -> {
            if (!showing) {
                messageWhenClosed.set(console.window().view().messages().currentText());
                changesWhenClosed.set(console.model().session().changesInFlight().count());
            }
        }));

        ConsoleFixture.flipSwitch(robot, "#keysTable", row);
        await("the change sent", () -> console.model().session().changesInFlight().count() == 1);
        ConsoleFixture.shortcut(robot, KeyCode.Q);

        await("closed once the change and its audit entry are done", () -> !stage.isShowing());
        assertThat(messageWhenClosed.get()).as("what the window said while it waited").isEqualTo("Finishing 1 change\u2026");
        assertThat(changesWhenClosed.get()).as("nothing under way when it closed").isZero();

        assertThat(console.sandbox().store().key(project.id(), row.id()).orElseThrow().valid()).isFalse();
        List<AuditEntry> trail = console.model().audit().trail().orElseThrow().read(AuditFilter.ALL).entries();
        assertThat(trail).singleElement().satisfies(entry -> {
            assertThat(entry.keyId()).isEqualTo(row.id());
            assertThat(entry.action()).isEqualTo(KeyAction.DEACTIVATE);
        });
    }
}
