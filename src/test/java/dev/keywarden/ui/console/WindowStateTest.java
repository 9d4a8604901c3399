package dev.keywarden.ui.console;

import dev.keywarden.ui.projects.ProjectRow;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.keywarden.ui.console.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Window size, column widths and sort order survive a restart. */
@ExtendWith(ApplicationExtension.class)
class WindowStateTest {
    @TempDir
    Path home;
    private ConsoleFixture console;
    private ConsoleFixture reopened;

    @Start
    void start(Stage stage) {
        console = ConsoleFixture.open(stage, home);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        if (reopened != null) {
            reopened.close(robot);
        }
        FxToolkit.cleanupStages();
    }

    @SuppressWarnings("unchecked")
    private static TableView<ProjectRow> projectsTable(ConsoleFixture fixture) {
        return fixture.window().view().projectsPane().table();
    }

    @Test
    void sizeColumnsAndSortOrderAreRestored(FxRobot robot) throws Exception {
        console.awaitLoaded();
        robot.interact(() -> {
            TableView<ProjectRow> table = projectsTable(console);
            TableColumn<ProjectRow, ?> name = table.getColumns().get(0);
            name.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(name));
            Stage stage = (Stage) table.getScene().getWindow();
            stage.setWidth(1010);
            stage.setHeight(700);
        });
        robot.interact(() -> projectsTable(console).resizeColumn(projectsTable(console).getColumns().get(0), 80));
        double nameWidth = projectsTable(console).getColumns().get(0).getWidth();
        Thread saver = WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(() -> console.window().close()));
        saver.join(5000);

        robot.interact(() -> reopened = ConsoleFixture.open(new Stage(), home));
        reopened.awaitLoaded();
        TableView<ProjectRow> table = projectsTable(reopened);
        Stage stage = (Stage) table.getScene().getWindow();
        assertThat(stage.getWidth()).isEqualTo(1010);
        assertThat(stage.getHeight()).isEqualTo(700);
        assertThat(table.getSortOrder()).extracting(TableColumn::getId).containsExactly("name");
        assertThat(table.getSortOrder().get(0).getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);
        assertThat(table.getColumns().get(0).getWidth()).isCloseTo(nameWidth, org.assertj.core.data.Offset.offset(2.0));
        assertThat(table.getItems().get(0).project().name())
                .isGreaterThanOrEqualTo(table.getItems().get(table.getItems().size() - 1).project().name());
        await("nothing left running", () -> !reopened.window().runner().hasLoads());
    }
}
