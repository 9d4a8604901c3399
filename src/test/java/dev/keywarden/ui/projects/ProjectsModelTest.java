package dev.keywarden.ui.projects;

import dev.keywarden.api.UnauthorizedException;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.store.KeyRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The projects list: loading through the organisation loader, merging in place, late answers dropped. */
class ProjectsModelTest {
    private final ConsoleModels models = ConsoleModels.connected();
    private final ProjectsModel projects = models.model.projects();

    @Test
    void loadsOrganisationProjectsAndEveryProjectsKeyCounts() {
        ConnectionSession session = models.model.session();
        assertThat(session.organizationProperty().get().name()).isEqualTo("Acme Inc.");
        assertThat(session.stateProperty().get()).isEqualTo(ConnectionSession.State.CONNECTED);
        assertThat(projects.rows()).extracting(ProjectRow::id).containsExactly("p1", "p2");
        assertThat(models.project("p1").keys().countsText()).isEqualTo("2 / 3");
        assertThat(models.project("p2").keys().countsText()).isEqualTo("1 / 1");
        assertThat(projects.lastRefreshProperty().get()).isNotNull();
    }

    @Test
    void theProjectsShowBeforeTheKeyCountsArrive() {
        projects.refresh();
        models.runner.deliverProgress(ProjectsModel.LOAD_TAG, event -> event instanceof OrganisationLoader.ProjectsLoaded);
        assertThat(projects.rows()).extracting(ProjectRow::id).containsExactly("p1", "p2");
        assertThat(projects.loadingProperty().get()).isTrue();
        models.runner.finishAll();
        assertThat(projects.loadingProperty().get()).isFalse();
    }

    @Test
    void answersForAConnectionThatWasReplacedAreDropped() {
        projects.refresh();
        FakeConfidentApi other = new FakeConfidentApi().withProject("q1", "Other Org Project", true);
        models.model.connect(other);
        models.runner.finishAll();
        assertThat(projects.rows()).extracting(ProjectRow::id).containsExactly("q1");
    }

    @Test
    void refreshKeepsTheSelectionById() {
        models.show("p2");
        projects.refresh();
        models.runner.finishAll();
        assertThat(projects.selected().id()).isEqualTo("p2");
        assertThat(models.model.keys().rows()).extracting(row -> row.id()).containsExactly(4L);
    }

    @Test
    void filterFindsAProjectByAPastedLeakedKey() {
        ProjectFilter filter = projects.filter();
        String leaked = "confident_us_proj_00000000000000000000000000001002";
        filter.textProperty().set(leaked);
        assertThat(projects.rows().filtered(filter::matches)).extracting(ProjectRow::id).containsExactly("p1");
        assertThat(filter.matchesProjectItself(models.project("p1"))).isFalse();
        assertThat(models.model.store().keysOf("p1").stream().map(KeyRow::key).filter(filter::matches)).extracting(k -> k.id()).containsExactly(2L);
    }

    @Test
    void rowsFromBeforeAFailedRefreshAreMarkedAsMaybeOutOfDateUntilARefreshSucceeds() {
        models.api.failNextOrganization(new dev.keywarden.api.ServerException(503, "maintenance", "GET", "/v1/organization"));
        projects.refresh();
        models.runner.finishAll();
        assertThat(projects.rows()).as("what was shown stays shown").hasSize(2);
        assertThat(projects.refreshFailedAtProperty().get()).isNotNull();

        projects.refresh();
        models.runner.finishAll();
        assertThat(projects.refreshFailedAtProperty().get()).isNull();
    }

    @Test
    void aRefusedKeyMarksTheConnectionFailedInPlainWords() {
        FakeConfidentApi refusing = new FakeConfidentApi().withProject("q1", "Other", true);
        refusing.failAll(new UnauthorizedException("Invalid API key", "GET", "/v1/organization"));
        models.model.connect(refusing);
        models.runner.finishAll();
        assertThat(models.model.session().stateProperty().get()).isEqualTo(ConnectionSession.State.FAILED);
        assertThat(models.model.session().problemProperty().get()).contains("Invalid API key");
        assertThat(projects.rows()).isEmpty();
    }
}
