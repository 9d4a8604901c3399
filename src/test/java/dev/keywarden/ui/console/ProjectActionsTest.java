package dev.keywarden.ui.console;

import dev.keywarden.ui.projects.ProjectRow;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;


import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** New project (its default key shown once), a refused duplicate name, and a guarded delete. */
class ProjectActionsTest extends SharedConsoleTest {
    @Test
    void aNewProjectShowsItsDefaultKeyOnceAndKeepsOnlyTheMask(FxRobot robot) {
        console.awaitLoaded();
        int before = console.model().projects().rows().size();
        robot.clickOn("#newProject");
        robot.clickOn("#projectName").write("Fraud Detection");
        robot.clickOn("#submit");

        await("the secret dialog", () -> robot.lookup("#secretValue").tryQuery().isPresent());
        String shown = robot.lookup("#secretValue").queryAs(TextField.class).getText();
        assertThat(shown).matches("confident_us_proj_[A-Za-z0-9+/]{43}=");
        assertThat(robot.lookup("#secretWarning").queryAs(Label.class).getText()).contains("only time");
        assertThat(console.model().projects().rows()).hasSize(before + 1);
        ProjectRow created = console.model().projects().selected();
        assertThat(created.project().name()).isEqualTo("Fraud Detection");
        assertThat(console.sandbox().store().project(created.id())).isPresent();
        assertThat(console.model().store().keysOf(created.id())).singleElement().satisfies(key -> {
            assertThat(key.key().value()).isEqualTo("***************" + shown.substring(shown.length() - 6));
        });

        robot.clickOn("#copySecret");
        robot.clickOn("I have stored it");
        await("the secret dialog closed", () -> robot.lookup("#secretValue").tryQuery().isEmpty());
        assertThat(console.model().keys().rows()).allSatisfy(row -> assertThat(row.key().value()).startsWith("*"));
    }

    @Test
    void aDuplicateNameIsRefusedNextToTheFieldAndTheDialogKeepsWhatWasTyped(FxRobot robot) {
        console.awaitLoaded();
        String taken = console.model().projects().rows().get(0).project().name();
        robot.clickOn("#newProject");
        robot.interact(() -> robot.lookup("#projectName").queryAs(TextField.class).setText(taken));
        robot.clickOn("#projectDescription").write("typed by hand");
        robot.clickOn("#submit");

        await("the refusal", () -> {
            String error = robot.lookup("#projectNameError").queryAs(Label.class).getText();
            return error != null && !error.isEmpty();
        });
        assertThat(robot.lookup("#projectNameError").queryAs(Label.class).getText()).contains("409");
        assertThat(robot.lookup("#newProjectDialog").tryQuery()).isPresent();
        assertThat(robot.lookup("#projectName").queryAs(TextField.class).getText()).isEqualTo(taken);
        assertThat(robot.lookup("#projectDescription").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo("typed by hand");
        robot.clickOn("Cancel");
    }

    @Test
    void deletingAProjectNeedsItsNameTypedAndTakesItsKeys(FxRobot robot) {
        console.awaitLoaded();
        @SuppressWarnings("unchecked")
        TableView<ProjectRow> projects = robot.lookup("#projectsTable").queryAs(TableView.class);
        ProjectRow first = projects.getItems().get(0);
        ProjectRow project = projects.getItems().get(2);
        assertThat(project.keys().total()).as("the demo data's third project has keys").isGreaterThanOrEqualTo(2);
        console.selectProject(robot, project);
        robot.clickOn("#deleteProject");

        javafx.stage.Window dialog = robot.lookup("#deleteProjectDialog").queryAs(DialogPane.class).getScene().getWindow();
        assertThat(robot.lookup("#deleteWarning").queryAs(Label.class).getText())
                .contains(project.project().name()).contains(project.keys().total() + " API keys");
        Button delete = robot.lookup("#submit").queryAs(Button.class);
        assertThat(delete.isDisabled()).isTrue();
        robot.clickOn("#confirmName").write(project.project().name().substring(0, 3));
        assertThat(delete.isDisabled()).as("a partial name does not confirm").isTrue();
        robot.interact(() -> robot.lookup("#confirmName").queryAs(TextField.class).setText(project.project().name()));
        assertThat(delete.isDisabled()).isFalse();
        String someKey = console.sandbox().store().rawValue(console.model().store().keysOf(project.id()).iterator().next().id());
        robot.clickOn(delete);

        await("deleted", () -> !console.model().projects().rows().contains(project));
        assertThat(dialog.isShowing()).isFalse();
        assertThat(console.sandbox().store().project(project.id())).isEmpty();
        assertThat(console.sandbox().store().useProjectKey(someKey)).isEmpty();
        // A project stays selected so that keys show: the first shown, not the one that took the deleted one's place.
        await("the first project selected", () -> console.model().projects().selected() == first);
        assertThat(projects.getSelectionModel().getSelectedItems()).containsExactly(first);
    }
}
