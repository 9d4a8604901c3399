package dev.keywarden.ui.allkeys;

import dev.keywarden.api.ServerException;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.csv.KeysCsv;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.core.keys.Staleness;
import dev.keywarden.model.Project;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.testing.FakeDialogService;
import dev.keywarden.ui.common.CsvExport;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.ui.store.KeyRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class AllKeysModelTest {

    private static ConsoleModels withOrganisationKey() {
        ConsoleModels models = ConsoleModels.connected();
        models.api.withOrganizationKey("Admin key", true, "abc123");
        return models;
    }

    private static List<String> owners(AllKeysModel model) {
        return model.rows().stream().map(row -> row.ownerLabel() + "/" + row.id()).toList();
    }

    @Test
    void listsOrganisationAndProjectKeysWithTheirProject() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();

        all.load();
        assertThat(all.loadingProperty().get()).isTrue();
        assertThat(models.runner.tags()).as("one load of the organisation").containsExactly(AllKeysModel.LOAD_TAG);
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
    void theLoadSaysHowFarItGotAndRowsStayUntilTheirProjectAnswers() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();
        all.load();

        models.runner.deliverProgress(AllKeysModel.LOAD_TAG, event -> event instanceof OrganisationLoader.ProjectKeysLoaded);

        assertThat(all.loadingProperty().get()).isTrue();
        assertThat(all.doneProperty().get()).isEqualTo(1);
        assertThat(all.totalProperty().get()).isEqualTo(2);
        assertThat(owners(all)).containsExactlyInAnyOrder("Production App/1", "Production App/2", "Production App/3",
                "Staging Environment/4", "Organisation/5");
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
        models.api.setApiKeyValid("p2", 4, false);
        AllKeysModel all = models.model.allKeys();
        all.load();
        models.runner.finish(AllKeysModel.LOAD_TAG);

        assertThat(all.failedProjects()).extracting(Project::id).containsExactlyInAnyOrder("p1", "p2");
        assertThat(owners(all)).as("what was listed before stays").hasSize(5);

        failing.set(false);
        all.retryFailed();
        models.runner.finish(AllKeysModel.RETRY_TAG);

        assertThat(all.failedProjects()).isEmpty();
        assertThat(models.model.store().find(dev.keywarden.core.keys.KeyRef.project("p2", 4)).orElseThrow().key().valid()).isFalse();
    }

    @Test
    void aCancelledLoadKeepsWhatArrivedAndSaysHowFarItGot() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();
        all.load();
        models.runner.deliverProgress(AllKeysModel.LOAD_TAG, event -> event instanceof OrganisationLoader.OrganizationKeysLoaded);

        all.cancel();
        models.runner.finishAll();

        assertThat(owners(all)).contains("Organisation/5");
        assertThat(all.loadingProperty().get()).isFalse();
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
    void aSingleChangeInAnotherTableIsTheSameRowHereAndNeedsNoReload() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();
        models.show("p2");

        models.model.keyCommands().setValid(models.shownKey(4), false);
        models.runner.finish(dev.keywarden.ui.keys.KeyCommands.SET_VALID_TAG);

        assertThat(models.runner.tags()).as("nothing read again").isEmpty();
        assertThat(all.rows()).contains(models.shownKey(4));
        assertThat(all.rows().stream().filter(row -> row.id() == 4).findFirst().orElseThrow().key().valid()).isFalse();
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
        List<Runnable> later = new ArrayList<>();
        FilterCounts counts = new FilterCounts(filter, all.rows(), (wait, then) -> later.add(then), Runnable::run, Runnable::run);

        assertThat(filter.count(all.rows(), AllKeysFilter.Status.ACTIVE)).isEqualTo(4);
        assertThat(filter.count(all.rows(), AllKeysFilter.Status.DEACTIVATED)).isEqualTo(1);
        assertThat(filter.count(all.rows(), AllKeysFilter.Stale.NEVER_USED)).isEqualTo(2);
        assertThat(filter.count(all.rows(), AllKeysFilter.Stale.unusedForMoreThan(30))).isEqualTo(2);
        assertThat(filter.count(all.rows(), AllKeysFilter.Stale.unusedForMoreThan(90))).isEqualTo(1);
        assertThat(counts.countOf(AllKeysFilter.Status.ACTIVE).get()).as("counted in one pass").isEqualTo(4);
        assertThat(counts.countOf(AllKeysFilter.Stale.unusedForMoreThan(30)).get()).isEqualTo(2);

        filter.statusProperty().set(AllKeysFilter.Status.ACTIVE);
        filter.staleProperty().set(AllKeysFilter.Stale.NEVER_USED);
        assertThat(counts.countOf(AllKeysFilter.Stale.ANY).get()).as("nothing recounted before the pause").isEqualTo(5);
        later.forEach(Runnable::run);
        assertThat(all.rows().stream().filter(filter::matches).map(row -> row.id())).containsExactly(5L);
        assertThat(filter.count(all.rows(), AllKeysFilter.Stale.ANY)).isEqualTo(4);
        assertThat(counts.countOf(AllKeysFilter.Stale.ANY).get()).isEqualTo(4);
        assertThat(counts.countOf(AllKeysFilter.Status.DEACTIVATED).get()).as("deactivated and never used: key 3").isEqualTo(1);

        filter.staleProperty().set(AllKeysFilter.Stale.ANY);
        filter.textProperty().set("staging");
        assertThat(all.rows().stream().filter(filter::matches).map(row -> row.id())).containsExactly(4L);
        filter.textProperty().set("organisation");
        assertThat(all.rows().stream().filter(filter::matches).map(row -> row.id())).containsExactly(5L);
    }

    @Test
    void theFilterIsAppliedAfterThePauseOffTheFxThreadAndAnOvertakenResultIsDropped() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();
        all.load();
        models.runner.finishAll();
        AllKeysFilter filter = new AllKeysFilter(new Staleness(Clock.systemUTC()));
        List<Runnable> paused = new ArrayList<>();
        List<Runnable> worker = new ArrayList<>();
        List<Runnable> fx = new ArrayList<>();
        ShownKeys shown = new ShownKeys(all.rows(), filter, (wait, then) -> {
            assertThat(wait).isEqualTo(AllKeysFilter.PAUSE);
            paused.add(then);
        }, worker::add, fx::add);
        int every = all.rows().size();

        filter.textProperty().set("staging");
        assertThat(shown.rows()).as("nothing filtered while typing").hasSize(every);
        paused.remove(0).run();
        assertThat(worker).as("the rows are tested on the worker").hasSize(1);
        assertThat(shown.rows()).hasSize(every);
        worker.remove(0).run();
        filter.textProperty().set("organisation");
        fx.remove(0).run();
        assertThat(shown.rows()).as("overtaken by a later change: dropped").hasSize(every);

        paused.remove(0).run();
        worker.remove(0).run();
        fx.remove(0).run();
        assertThat(shown.rows()).extracting(row -> row.id()).containsExactly(5L);

        KeyRow active = all.rows().stream().filter(row -> row.key().valid()).findFirst().orElseThrow();
        filter.textProperty().set("");
        filter.statusProperty().set(AllKeysFilter.Status.DEACTIVATED);
        paused.remove(0).run();
        paused.remove(0).run();
        worker.remove(0).run();
        List<KeyRow> deactivated = all.rows().stream().filter(row -> !row.key().valid()).toList();
        models.model.projects().store().answered(active.entry().with(active.key().withValid(false)));
        fx.remove(0).run();
        assertThat(shown.rows()).as("a row changed since the snapshot is tested as it is now")
                .containsExactlyInAnyOrderElementsOf(concat(deactivated, active));
    }

    private static List<KeyRow> concat(List<KeyRow> rows, KeyRow row) {
        List<KeyRow> all = new ArrayList<>(rows);
        all.add(row);
        return all;
    }

    /**
     * Rows are numbered by the store (KeyRow.serial), and the filter keeps its verdicts by that number; after the store
     * forgot every row (a change of connection), new rows take the numbers again and must be judged as themselves.
     */
    @Test
    void afterTheStoreForgetsEveryRowNewRowsAreCountedAndShownAsThemselves() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();
        all.load();
        models.runner.finishAll();
        AllKeysFilter filter = new AllKeysFilter(new Staleness(Clock.systemUTC()));
        ShownKeys shown = new ShownKeys(all.rows(), filter, (wait, then) -> then.run(), Runnable::run, Runnable::run);
        filter.statusProperty().set(AllKeysFilter.Status.DEACTIVATED);
        assertThat(shown.rows()).isNotEmpty().allMatch(row -> !row.key().valid());

        models.model.projects().clear();
        assertThat(shown.rows()).isEmpty();
        assertThat(shown.counts().countOf(AllKeysFilter.Status.ALL).get()).isZero();
        switchEveryProjectKeyOverOnTheServer(models);
        filter.statusProperty().set(AllKeysFilter.Status.DEACTIVATED);
        all.load();
        models.runner.finishAll();
        assertThat(all.rows().get(0).serial()).as("numbers given again").isZero();
        assertThat(shown.rows()).containsExactlyInAnyOrderElementsOf(all.rows().stream().filter(filter::matches).toList());
        assertThat(shown.counts().countOf(AllKeysFilter.Status.DEACTIVATED).get())
                .isEqualTo(filter.count(all.rows(), AllKeysFilter.Status.DEACTIVATED));
        assertThat(shown.counts().countOf(AllKeysFilter.Status.ACTIVE).get())
                .isEqualTo(filter.count(all.rows(), AllKeysFilter.Status.ACTIVE)).isPositive();
    }

    /** A recount still out when the store forgets every row and loads new ones lands with the new rows counted, the old ones not. */
    @Test
    void aRecountOverlappingAStoreThatForgotEveryRowCountsOnlyTheNewRows() {
        RecountOverlap overlap = everyRowForgottenUnderARecount();
        assertThat(overlap.worker()).hasSize(1);

        overlap.worker().remove(0).run();

        overlap.countsAndRowsAsTheFilterSays();
    }

    /** The filters changed again after the store forgot every row under a recount: the later recount's counts stand. */
    @Test
    void aRecountOverlappingAStoreThatForgotEveryRowGivesWayToALaterOne() {
        RecountOverlap overlap = everyRowForgottenUnderARecount();

        overlap.filter().statusProperty().set(AllKeysFilter.Status.ACTIVE);
        assertThat(overlap.worker()).hasSize(2);
        overlap.worker().remove(1).run(); // the later recount lands first, then the earlier one, which is dropped
        overlap.worker().remove(0).run();

        assertThat(overlap.shown().rows()).isNotEmpty();
        overlap.countsAndRowsAsTheFilterSays();
    }

    /** A store whose keys are all shown and counted, a recount held back, then every row forgotten and others loaded. */
    private static RecountOverlap everyRowForgottenUnderARecount() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();
        all.load();
        models.runner.finishAll();
        AllKeysFilter filter = new AllKeysFilter(new Staleness(Clock.systemUTC()));
        List<Runnable> worker = new ArrayList<>();
        ShownKeys shown = new ShownKeys(all.rows(), filter, (wait, then) -> then.run(), worker::add, Runnable::run);
        filter.statusProperty().set(AllKeysFilter.Status.DEACTIVATED);
        models.model.projects().clear();
        switchEveryProjectKeyOverOnTheServer(models);
        all.load();
        models.runner.finishAll();
        return new RecountOverlap(all, filter, worker, shown);
    }

    private record RecountOverlap(AllKeysModel all, AllKeysFilter filter, List<Runnable> worker, ShownKeys shown) {
        void countsAndRowsAsTheFilterSays() {
            for (AllKeysFilter.Status status : AllKeysFilter.Status.values()) {
                assertThat(shown.counts().countOf(status).get()).as(status.label()).isEqualTo(filter.count(all.rows(), status));
            }
            assertThat(shown.rows()).containsExactlyInAnyOrderElementsOf(all.rows().stream().filter(filter::matches).toList());
        }
    }

    /** Every project key the other way round on the server, so that rows loaded next differ from those before. */
    private static void switchEveryProjectKeyOverOnTheServer(ConsoleModels models) {
        for (Project project : models.api.listProjects()) {
            for (ApiKey key : models.api.listApiKeys(project.id())) {
                models.api.setApiKeyValid(project.id(), key.id(), !key.valid());
            }
        }
    }

    @Test
    void countsFollowChangedRowsWithoutARecount() {
        ConsoleModels models = withOrganisationKey();
        AllKeysModel all = models.model.allKeys();
        all.load();
        models.runner.finishAll();
        AllKeysFilter filter = new AllKeysFilter(new Staleness(Clock.systemUTC()));
        FilterCounts counts = new FilterCounts(filter, all.rows(), (wait, then) -> {
            throw new AssertionError("no recount for a changed row");
        }, Runnable::run, Runnable::run);
        long active = counts.countOf(AllKeysFilter.Status.ACTIVE).get();
        KeyRow row = all.rows().stream().filter(candidate -> candidate.key().valid()).findFirst().orElseThrow();

        models.model.projects().store().answered(row.entry().with(row.key().withValid(false)));

        assertThat(counts.countOf(AllKeysFilter.Status.ACTIVE).get()).isEqualTo(active - 1);
        assertThat(counts.countOf(AllKeysFilter.Status.DEACTIVATED).get()).isEqualTo(filter.count(all.rows(), AllKeysFilter.Status.DEACTIVATED));
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
        if (dev.keywarden.common.OwnerOnlyFiles.isPosix(target)) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                    .as("issue 16: exported files were world-readable").isEqualTo("rw-------");
        }
    }

    @Test
    void aCancelledSaveWritesNothing() {
        ConsoleModels models = ConsoleModels.connected();
        CsvExport export = new CsvExport(new FakeDialogService(), models.runner, new Notices(text -> { }), problem -> { });

        export.export("exportKeysDialog", "Export", "keys.csv", 0, "keys", out -> out.write("x"));

        assertThat(models.runner.tags()).isEmpty();
    }
}
