package dev.keywarden.ui.incident;

import dev.keywarden.api.ServerException;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.csv.KeysCsv;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.core.keys.Staleness;
import dev.keywarden.model.Project;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.testing.FakeDialogService;
import dev.keywarden.ui.common.Notices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class AllKeysModelTest {

    private static ConsoleModels withOrganisationKey() {
        ConsoleModels models = ConsoleModels.connected();
        models.api.withOrganizationKey("Admin key", true, "abc123");
        return models;
    }

    private static List<String> owners(AllKeysModel model) {
        return model.rows().stream().map(row -> row.ownerLabel() + "/" + row.keyRow().id()).toList();
    }

    @Test
    void listsOrganisationAndProjectKeysWithTheirProject() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();

        all.load();
        assertThat(all.loadingProperty().get()).isTrue();
        models.runner.finish(AllKeysModel.LOAD_TAG);

        assertThat(owners(all)).containsExactlyInAnyOrder("Organisation/5", "Production App/1", "Production App/2",
                "Production App/3", "Staging Environment/4");
        assertThat(all.rows().stream().filter(row -> row.kind() == KeyKind.ORGANISATION).map(row -> row.projectId()))
                .containsExactly((String) null);
        assertThat(all.doneProperty().get()).isEqualTo(2);
        assertThat(all.totalProperty().get()).isEqualTo(2);
        assertThat(all.loadingProperty().get()).isFalse();
        assertThat(all.loadedProperty().get()).isTrue();
        assertThat(all.entries()).allSatisfy(entry -> assertThat(entry.key().value()).startsWith("***"));
    }

    @Test
    void rowsShowAsEachProjectAnswersWithTheCount() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();
        all.load();

        models.runner.deliverProgress(AllKeysModel.LOAD_TAG, event -> event instanceof OrganisationLoader.ProjectKeysLoaded);

        assertThat(all.loadingProperty().get()).isTrue();
        assertThat(all.doneProperty().get()).isEqualTo(1);
        assertThat(all.totalProperty().get()).isEqualTo(2);
        assertThat(all.rows()).hasSizeBetween(2, 4);
        assertThat(all.rows()).anyMatch(row -> row.kind() == KeyKind.ORGANISATION);
    }

    @Test
    void projectsThatFailedAreListedAndARetryLoadsThem() {
        ConsoleModels models = withOrganisationKey();
        AtomicBoolean failing = new AtomicBoolean(true);
        models.api.onListApiKeys(() -> {
            if (failing.get()) {
                throw new ServerException(503, "busy", "GET", "/v1/projects/x/api-keys");
            }
        });
        AllKeysModel all = models.model.allKeys();
        all.load();
        models.runner.finish(AllKeysModel.LOAD_TAG);

        assertThat(all.failedProjects()).extracting(Project::id).containsExactlyInAnyOrder("p1", "p2");
        assertThat(owners(all)).containsExactly("Organisation/5");

        failing.set(false);
        all.retryFailed();
        models.runner.finish(AllKeysModel.RETRY_TAG);

        assertThat(all.failedProjects()).isEmpty();
        assertThat(all.rows()).hasSize(5);
    }

    @Test
    void aCancelledLoadKeepsWhatArrivedAndDropsTheRest() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();
        all.load();
        models.runner.deliverProgress(AllKeysModel.LOAD_TAG, event -> event instanceof OrganisationLoader.OrganizationKeysLoaded);

        all.cancel();
        models.runner.finishAll();

        assertThat(owners(all)).containsExactly("Organisation/5");
        assertThat(all.loadingProperty().get()).isFalse();
        assertThat(all.loadedProperty().get()).isFalse();
        assertThat(all.problemProperty().get()).contains("Stopped after 0 of 2 projects");
    }

    @Test
    void aLoadForAConnectionLeftIsDropped() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();
        all.load();

        models.model.connect(new FakeConfidentApi().withProject("q1", "Other", true));
        models.runner.finish(AllKeysModel.LOAD_TAG);

        assertThat(all.rows()).isEmpty();
    }

    @Test
    void aRefreshAfterABulkChangeReadsOnlyThoseProjectsAgain() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();
        all.load();
        models.runner.finishAll();
        models.api.setApiKeyValid("p2", 4, false);

        all.refresh(Set.of("p2"), false);
        models.runner.finishAll();

        assertThat(all.rows().stream().filter(row -> row.keyRow().id() == 4).findFirst().orElseThrow().keyRow().key().valid())
                .isFalse();
        assertThat(all.rows()).hasSize(5);
    }

    @Test
    void aSingleChangeInAnotherTableIsReadAgainHere() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();
        all.load();
        models.runner.finishAll();
        models.show("p2");

        models.model.keyCommands().setValid(models.shownKey(4), false);
        models.runner.finish(dev.keywarden.ui.keys.KeyCommands.SET_VALID_TAG);
        assertThat(models.runner.tags()).containsExactly(AllKeysModel.RELOAD_TAG);
        models.runner.finishAll();

        assertThat(all.rows().stream().filter(row -> row.keyRow().id() == 4).findFirst().orElseThrow().keyRow().key().valid())
                .isFalse();
    }

    @Test
    void filtersCountByStatusAndStaleness() {
        ConsoleModels models = withOrganisationKey();
        Clock clock = Clock.fixed(FakeConfidentApi.T0.plus(Duration.ofDays(100)), ZoneOffset.UTC);
        models.api.setLastUsed(1, clock.instant().minus(Duration.ofDays(1)));
        models.api.setLastUsed(2, clock.instant().minus(Duration.ofDays(40)));
        models.api.setLastUsed(4, clock.instant().minus(Duration.ofDays(95)));
        AllKeysModel all = models.model.allKeys();
        all.load();
        models.runner.finishAll();
        AllKeysFilter filter = new AllKeysFilter(new Staleness(clock));

        assertThat(filter.count(all.entries(), AllKeysFilter.Status.ACTIVE)).isEqualTo(4);
        assertThat(filter.count(all.entries(), AllKeysFilter.Status.DEACTIVATED)).isEqualTo(1);
        assertThat(filter.count(all.entries(), AllKeysFilter.Stale.NEVER_USED)).isEqualTo(2);
        assertThat(filter.count(all.entries(), AllKeysFilter.Stale.unusedForMoreThan(30))).isEqualTo(2);
        assertThat(filter.count(all.entries(), AllKeysFilter.Stale.unusedForMoreThan(90))).isEqualTo(1);

        filter.statusProperty().set(AllKeysFilter.Status.ACTIVE);
        filter.staleProperty().set(AllKeysFilter.Stale.NEVER_USED);
        assertThat(all.entries().stream().filter(filter::matches).map(entry -> entry.key().id())).containsExactly(5L);
        assertThat(filter.count(all.entries(), AllKeysFilter.Stale.ANY)).isEqualTo(4);

        filter.staleProperty().set(AllKeysFilter.Stale.ANY);
        filter.textProperty().set("staging");
        assertThat(all.entries().stream().filter(filter::matches).map(entry -> entry.key().id())).containsExactly(4L);
        filter.textProperty().set("organisation");
        assertThat(all.entries().stream().filter(filter::matches).map(entry -> entry.key().id())).containsExactly(5L);
    }

    @Test
    void exportWritesTheGivenRowsMaskedToTheChosenFile(@TempDir Path folder) throws Exception {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();
        all.load();
        models.runner.finishAll();
        Path target = folder.resolve("keys.csv");
        FakeDialogService dialogs = new FakeDialogService().result("exportKeysDialog", target);
        List<String> notices = new ArrayList<>();
        CsvExport export = new CsvExport(dialogs, models.runner, new Notices(notices::add), problem -> models.problems.add(problem.text()));

        export.export("exportKeysDialog", "Export", "keys.csv", 5, "keys", out -> KeysCsv.write(all.entries(), out));
        assertThat(models.runner.tags()).containsExactly(CsvExport.EXPORT_TAG);
        models.runner.finishAll();

        List<String> lines = Files.readAllLines(target);
        assertThat(lines.get(0)).isEqualTo(String.join(",", KeysCsv.COLUMNS));
        assertThat(lines).hasSize(6);
        assertThat(lines.get(1)).startsWith("ORGANISATION,,,5,\"Admin key\",\"***************abc123\",active,");
        assertThat(String.join("\n", lines)).doesNotContain("confident_");
        assertThat(notices).containsExactly("5 keys exported to " + target + ".");
    }

    @Test
    void aCancelledSaveWritesNothing() {
        ConsoleModels models = ConsoleModels.connected();
        CsvExport export = new CsvExport(new FakeDialogService(), models.runner, new Notices(text -> { }), problem -> { });

        export.export("exportKeysDialog", "Export", "keys.csv", 0, "keys", out -> out.write("x"));

        assertThat(models.runner.tags()).isEmpty();
    }
}
