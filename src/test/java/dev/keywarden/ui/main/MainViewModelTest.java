package dev.keywarden.ui.main;

import dev.keywarden.api.ServerException;
import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.testing.ManualTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window's logic without a window: ordering of late answers, busy rows, rollbacks. */
class MainViewModelTest {
    private final ManualTaskRunner runner = new ManualTaskRunner();
    private final List<String> problems = new ArrayList<>();
    private FakeConfidentApi api;
    private MainViewModel model;

    @BeforeEach
    void connect() {
        api = new FakeConfidentApi()
                .withProject("p1", "Production App", true, true, false)
                .withProject("p2", "Staging Environment", true);
        model = new MainViewModel(runner, Clock.systemUTC());
        model.setProblemSink(problems::add);
        model.connect(api);
        runner.finishAll();
    }

    private ProjectRow project(String id) {
        return model.projects().stream().filter(row -> row.id().equals(id)).findFirst().orElseThrow();
    }

    private KeyRow shownKey(long id) {
        return model.keys().stream().filter(row -> row.id() == id).findFirst().orElseThrow();
    }

    @Test
    void loadsOrganisationProjectsAndEveryProjectsKeyCounts() {
        assertThat(model.organizationProperty().get().name()).isEqualTo("Acme Inc.");
        assertThat(model.connectionStateProperty().get()).isEqualTo(MainViewModel.ConnectionState.CONNECTED);
        assertThat(model.projects()).extracting(ProjectRow::id).containsExactly("p1", "p2");
        assertThat(project("p1").keys().countsText()).isEqualTo("2 / 3");
        assertThat(project("p2").keys().countsText()).isEqualTo("1 / 1");
    }

    @Test
    void selectingAProjectLoadsItsKeys() {
        model.selectedProjectProperty().set(project("p1"));
        runner.finishAll();
        assertThat(model.keys()).extracting(KeyRow::id).containsExactly(1L, 2L, 3L);
        assertThat(model.keys()).allSatisfy(row -> assertThat(row.key().isMasked()).isTrue());
    }

    @Test
    void toggleIsBusyUntilTheServerAnswersAndThenShowsTheAnswer() {
        model.selectedProjectProperty().set(project("p1"));
        runner.finishAll();
        KeyRow row = shownKey(1);

        model.setKeyValid(row, false);
        assertThat(row.isBusy()).isTrue();
        assertThat(row.requestedValidProperty().get()).isFalse();
        assertThat(row.key().valid()).as("nothing is shown as done before the server says so").isTrue();

        runner.finishAll();
        assertThat(row.isBusy()).isFalse();
        assertThat(row.key().valid()).isFalse();
        assertThat(api.key("p1", 1).valid()).isFalse();
        assertThat(project("p1").keys().countsText()).isEqualTo("1 / 3");
    }

    @Test
    void aSecondToggleWhileOneIsInFlightSendsNothing() {
        model.selectedProjectProperty().set(project("p1"));
        runner.finishAll();
        KeyRow row = shownKey(1);
        model.setKeyValid(row, false);
        model.setKeyValid(row, false);
        model.setKeyValid(row, true);
        runner.finishAll();
        assertThat(api.toggleCalls()).isEqualTo(1);
    }

    @Test
    void aFailedToggleKeepsTheServersStateAndSaysWhy() {
        model.selectedProjectProperty().set(project("p1"));
        runner.finishAll();
        KeyRow row = shownKey(1);
        api.failNext(new ServerException(500, "database unavailable", "PUT", "/v1/projects/p1/api-keys/1"));

        model.setKeyValid(row, false);
        runner.finishAll();

        assertThat(row.key().valid()).isTrue();
        assertThat(row.isBusy()).isFalse();
        assertThat(row.requestedValidProperty().get()).isNull();
        assertThat(problems).singleElement().asString()
                .contains("Could not deactivate", "database unavailable");
    }

    @Test
    void aToggleAnswerAfterTheUserMovedToAnotherProjectNeverLandsOnItsKeys() {
        model.selectedProjectProperty().set(project("p1"));
        runner.finishAll();
        KeyRow row = shownKey(1);
        model.setKeyValid(row, false);

        model.selectedProjectProperty().set(project("p2"));
        runner.finish("Loading keys of Staging");
        runner.finishAll();

        assertThat(model.keys()).extracting(KeyRow::id).containsExactly(4L);
        assertThat(shownKey(4).key().valid()).isTrue();
        assertThat(project("p1").keys().countsText()).as("the toggled project's counts follow the answer").isEqualTo("1 / 3");
    }

    @Test
    void keysOfAProjectLeftBeforeTheyArrivedAreNotShown() {
        model.selectedProjectProperty().set(project("p1"));
        model.selectedProjectProperty().set(project("p2"));
        runner.finish("Loading keys of Production");
        runner.finish("Loading keys of Staging");
        assertThat(model.keys()).extracting(KeyRow::id).containsExactly(4L);
    }

    @Test
    void answersForAConnectionThatWasReplacedAreDropped() {
        model.refresh();
        FakeConfidentApi other = new FakeConfidentApi().withProject("q1", "Other Org Project", true);
        model.connect(other);
        runner.finishAll();
        assertThat(model.projects()).extracting(ProjectRow::id).containsExactly("q1");
    }

    @Test
    void refreshKeepsTheSelectionById() {
        model.selectedProjectProperty().set(project("p2"));
        runner.finishAll();
        model.refresh();
        runner.finishAll();
        assertThat(model.selectedProjectProperty().get().id()).isEqualTo("p2");
        assertThat(model.keys()).extracting(KeyRow::id).containsExactly(4L);
    }

    @Test
    void createdKeyIsShownMaskedAndItsRawValueGoesOnlyToTheCaller() {
        model.selectedProjectProperty().set(project("p2"));
        runner.finishAll();
        List<String> raw = new ArrayList<>();
        model.createKey(project("p2"), "CI pipeline", created -> raw.add(created.value()), error -> problems.add(error.toString()));
        runner.finishAll();
        assertThat(raw).singleElement().asString().startsWith("confident_us_proj_");
        KeyRow shown = model.keys().get(model.keys().size() - 1);
        assertThat(shown.key().value()).startsWith("***************").doesNotStartWith("confident");
        assertThat(project("p2").keys().keys()).allSatisfy(key -> assertThat(key.isMasked()).isTrue());
    }

    @Test
    void filterFindsAProjectByAPastedLeakedKey() {
        ProjectFilter filter = model.filter();
        String leaked = "confident_us_proj_00000000000000000000000000001002";
        filter.textProperty().set(leaked);
        assertThat(model.projects().filtered(filter::matches)).extracting(ProjectRow::id).containsExactly("p1");
        assertThat(filter.matchesProjectItself(project("p1"))).isFalse();
        assertThat(project("p1").keys().keys().stream().filter(filter::matches)).extracting(k -> k.id()).containsExactly(2L);
    }

    @Test
    void revokedKeyLeavesTheTableAndTheCounts() {
        model.selectedProjectProperty().set(project("p1"));
        runner.finishAll();
        model.revokeKey(shownKey(3), () -> { }, error -> problems.add(error.toString()));
        runner.finishAll();
        assertThat(model.keys()).extracting(KeyRow::id).containsExactly(1L, 2L);
        assertThat(project("p1").keys().countsText()).isEqualTo("2 / 2");
    }

    @Test
    void reloadingKeysUpdatesTheShownRowsInPlace() {
        model.selectedProjectProperty().set(project("p1"));
        runner.finishAll();
        KeyRow first = shownKey(1);
        api.setApiKeyValid("p1", 1, false);

        model.reloadKeys();
        runner.finishAll();

        assertThat(shownKey(1)).as("the same row, so the table keeps its selection").isSameAs(first);
        assertThat(first.key().valid()).isFalse();
        assertThat(model.keys()).hasSize(3);
    }

    @Test
    void aKeyListAskedForBeforeAToggleDoesNotUndoItWhenItArrivesAfter() {
        model.selectedProjectProperty().set(project("p1"));
        runner.finishAll();
        KeyRow row = shownKey(1);

        model.reloadKeys();
        model.setKeyValid(row, false);
        runner.finish("Deactivating");
        runner.finish("Loading keys");
        runner.finishAll();

        assertThat(api.key("p1", 1).valid()).isFalse();
        assertThat(row.key().valid()).as("what the switch shows").isFalse();
        assertThat(project("p1").keys().countsText()).isEqualTo("1 / 3");
    }

    @Test
    void keyCountsAskedForBeforeAToggleDoNotUndoIt() {
        model.selectedProjectProperty().set(project("p2"));
        runner.finishAll();
        model.refresh();
        runner.finish("Loading projects");
        assertThat(runner.titles()).contains("Counting keys of Production App");
        model.selectedProjectProperty().set(project("p1"));
        runner.finish("Loading keys of Production");
        KeyRow row = shownKey(1);
        model.setKeyValid(row, false);
        runner.finish("Deactivating");
        runner.finishAll();
        assertThat(project("p1").keys().countsText()).isEqualTo("1 / 3");
    }

    @Test
    void aKeyCreatedWhileAReloadIsInFlightIsListedOnce() {
        model.selectedProjectProperty().set(project("p2"));
        runner.finishAll();
        model.createKey(project("p2"), "CI", created -> { }, error -> problems.add(error.toString()));
        model.reloadKeys();
        runner.finish("Loading keys");
        runner.finish("Creating key");
        runner.finishAll();
        assertThat(model.keys()).extracting(KeyRow::id).doesNotHaveDuplicates().hasSize(2);
        assertThat(project("p2").keys().total()).isEqualTo(2);
    }

    @Test
    void aProjectCreatedWhileARefreshIsInFlightIsListedOnce() {
        model.createProject(dev.keywarden.model.NewProject.named("New"), created -> { }, error -> problems.add(error.toString()));
        model.refresh();
        runner.finish("Loading projects");
        runner.finish("Creating project");
        runner.finishAll();
        assertThat(model.projects()).extracting(ProjectRow::id).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void aKeyAlreadyGoneCountsAsRevoked() {
        model.selectedProjectProperty().set(project("p1"));
        runner.finishAll();
        KeyRow row = shownKey(3);
        api.revokeApiKey("p1", 3);
        List<String> revoked = new ArrayList<>();
        model.revokeKey(row, () -> revoked.add("gone"), error -> problems.add(error.toString()));
        runner.finishAll();
        assertThat(revoked).containsExactly("gone");
        assertThat(problems).isEmpty();
        assertThat(model.keys()).extracting(KeyRow::id).containsExactly(1L, 2L);
    }

    @Test
    void aChangeInFlightIsNotCancelledBySwitchingConnectionAndItsFailureIsStillReported() {
        model.selectedProjectProperty().set(project("p1"));
        runner.finishAll();
        KeyRow row = shownKey(1);
        api.failNext(new ServerException(500, "database unavailable", "PUT", "/v1/projects/p1/api-keys/1"));
        model.setKeyValid(row, false);

        model.connect(new FakeConfidentApi().withProject("q1", "Other", true));
        runner.finishAll();

        assertThat(problems).singleElement().asString()
                .startsWith("On the connection you left: Could not deactivate").contains("database unavailable");
    }
}
