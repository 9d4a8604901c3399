package dev.keywarden.ui.projects;

import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.model.CreatedProject;
import dev.keywarden.model.NewProject;
import dev.keywarden.testing.ConsoleModels;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating and deleting projects: the list follows the server's answers only. */
class ProjectCommandsTest {
    private final ConsoleModels models = ConsoleModels.connected();
    private final ProjectCommands commands = models.model.projectCommands();

    @Test
    void aProjectCreatedWhileARefreshIsInFlightIsListedOnce() {
        commands.create(NewProject.named("New"));
        models.model.refresh();
        models.runner.deliverProgress(ProjectsModel.LOAD_TAG, event -> event instanceof OrganisationLoader.ProjectsLoaded);
        models.runner.finish(ProjectCommands.CREATE_TAG);
        models.runner.finishAll();
        assertThat(models.model.projects().rows()).extracting(ProjectRow::id).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void aCreatedProjectIsSelectedWithItsDefaultKeyCounted() {
        List<CreatedProject> created = new ArrayList<>();
        commands.create(NewProject.named("New")).thenAccept(created::add);
        models.runner.finishAll();
        ProjectRow row = models.model.projects().selected();
        assertThat(row.id()).isEqualTo(created.get(0).project().id());
        assertThat(row.keys().countsText()).isEqualTo("1 / 1");
        assertThat(models.model.store().keysOf(row.id())).allSatisfy(key -> assertThat(key.key().isMasked()).isTrue());
    }

    @Test
    void aProjectAlreadyGoneCountsAsDeleted() {
        models.show("p2");
        models.api.deleteProject("p2");
        List<String> deleted = new ArrayList<>();
        commands.delete(models.project("p2")).thenRun(() -> deleted.add("gone"));
        models.runner.finishAll();
        assertThat(deleted).containsExactly("gone");
        assertThat(models.model.projects().rows()).extracting(ProjectRow::id).containsExactly("p1");
        assertThat(models.model.projects().selected()).isNull();
    }
}
