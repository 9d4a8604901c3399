package dev.keywarden.ui.leak;

import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.leak.LeakMatch;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.testing.FakeDialogService;
import dev.keywarden.ui.allkeys.AllKeysModel;
import dev.keywarden.ui.bulk.BulkActions;
import dev.keywarden.ui.bulk.BulkContext;
import dev.keywarden.ui.bulk.BulkModel;
import dev.keywarden.ui.common.Notices;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import dev.keywarden.ui.connection.KeyLifecycleSupport;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeakFinderModelTest {
    /** Key 1 of project p1 in the fake organisation (its last 6 characters are 001001). */
    private static final String KEY_1 = "confident_us_proj_" + "0".repeat(28) + "1001";
    private static final String UNKNOWN = "confident_eu_proj_" + "0".repeat(26) + "abcdef";

    private final ConsoleModels models = ConsoleModels.connected();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final List<String> notices = new ArrayList<>();
    private final BulkContext context = models.model.incident(new Notices(notices::add), Runnable::run);
    private final BulkActions bulk = new BulkActions(context, dialogs);

    private LeakFinderModel finder(String text) {
        LeakFinderModel finder = new LeakFinderModel(models.model.allKeys(), bulk);
        finder.textProperty().set(text);
        return finder;
    }

    @Test
    void findsTheKeyInALogLineLoadingEveryKeyFirst() {
        models.model.connect(models.api);
        LeakFinderModel finder = finder("2026-11-28 02:01:07 ERROR auth failed for Authorization: Bearer " + KEY_1 + ", retrying\n"
                + "DEBUG env CONFIDENT_API_KEY=\"" + UNKNOWN + "\"");

        finder.find();
        assertThat(finder.waitingProperty().get()).isTrue();
        assertThat(models.runner.tags()).as("besides asking whether the server offers v2")
                .filteredOn(tag -> !tag.equals(KeyLifecycleSupport.PROBE_TAG)).containsExactly(AllKeysModel.LOAD_TAG);
        models.runner.finishAll();

        assertThat(finder.waitingProperty().get()).isFalse();
        assertThat(finder.matches()).extracting(LeakMatch::verdict)
                .containsExactly(LeakMatch.Verdict.ONE_MATCH, LeakMatch.Verdict.NO_MATCH);
        assertThat(finder.matches().get(0).matches().get(0).ownerLabel()).isEqualTo("Production App");
        assertThat(finder.matches().get(1).verdictSentence()).isEqualTo("The key ending abcdef matches no key of this organisation.");
        assertThat(finder.selectedKeys()).extracting(entry -> entry.key().id()).containsExactly(1L);
        assertThat(finder.summaryProperty().get()).isEqualTo("2 possible keys found: 1 matched one key, 1 matched no key of this organisation.");
        assertThat(finder.summaryProperty().get()).doesNotContain("confident_");
        assertThat(finder.rawValueOf(finder.matches().get(0).candidate())).contains(KEY_1);
    }

    @Test
    void aSuffixOfSeveralKeysListsThemAllAndSelectsNone() {
        models.api.withOrganizationKey("Admin", true, "001001");
        models.model.allKeys().load();
        models.runner.finishAll();
        LeakFinderModel finder = finder("the masked value ***************001001 was in the ticket");

        finder.find();

        assertThat(finder.matches()).singleElement().satisfies(match -> {
            assertThat(match.verdict()).isEqualTo(LeakMatch.Verdict.SEVERAL_MATCHES);
            assertThat(match.matches()).extracting(entry -> entry.ownerLabel()).containsExactlyInAnyOrder("Organisation", "Production App");
        });
        assertThat(finder.selected()).isEmpty();
    }

    @Test
    void deactivatingTheSelectedMatchesOpensTheirPlan() {
        LeakFinderModel finder = finder(KEY_1);
        finder.find();
        models.runner.finishAll();

        models.api.setApiKeyValid("p1", 1, false);
        models.api.setApiKeyValid("p1", 1, true);
        BulkModel[] shown = new BulkModel[1];
        finder.deactivateSelected().thenAccept(plan -> shown[0] = plan);
        assertThat(models.runner.tags()).as("the keys are read again first").containsExactly(BulkActions.READ_TAG);
        models.runner.finishAll();
        BulkModel plan = shown[0];

        assertThat(dialogs.asked).containsExactly(BulkActions.BULK_DIALOG);
        assertThat(plan.plan().action()).isEqualTo(KeyAction.DEACTIVATE);
        assertThat(plan.plan().toSend()).extracting(entry -> entry.key().id()).containsExactly(1L);
        assertThat(models.api.key("p1", 1).valid()).as("nothing is sent before the plan is started").isTrue();
    }

    @Test
    void textWithoutAKeySaysSoAndLoadsNothing() {
        LeakFinderModel finder = finder("just a log line with 550e8400-e29b-41d4-a716-446655440000 and d41d8cd98f00b204e9800998ecf8427e");

        finder.find();

        assertThat(models.runner.tags()).isEmpty();
        assertThat(finder.matches()).isEmpty();
        assertThat(finder.summaryProperty().get()).startsWith("No key found in this text.");
    }

    @Test
    void aTokenMarkedByTheAdminIsMatchedByItsLastSixCharacters() {
        LeakFinderModel finder = finder("the vault said: token XYZ-000001001 leaked");
        finder.markedProperty().set("XYZ-000001001");

        finder.find();
        models.runner.finishAll();

        assertThat(finder.matches()).singleElement().satisfies(match -> assertThat(match.matches())
                .extracting(entry -> entry.key().id()).containsExactly(1L));

        finder.markedProperty().set("abc");
        finder.find();
        assertThat(finder.matches()).isEmpty();
        assertThat(finder.summaryProperty().get()).startsWith("A marked token needs at least 6 characters");
    }

    @Test
    void clearingForgetsTheText() {
        LeakFinderModel finder = finder(KEY_1);
        finder.find();
        models.runner.finishAll();

        finder.clear();

        assertThat(finder.textProperty().get()).isEmpty();
        assertThat(finder.matches()).isEmpty();
        assertThat(finder.selected()).isEmpty();
    }

    @Test
    void aKeyPastedIntoAFilterOpensTheLeakFinderAndTheFilterKeepsOnlyItsMaskedForm() {
        StringProperty filter = new SimpleStringProperty("");
        FilterPasteGuard.install(filter, new LeakFinderActions(context, models.model.allKeys(), models.model.projects(), bulk, dialogs, models.runner, Clock.systemUTC()), Runnable::run);

        filter.set("token=" + KEY_1);

        assertThat(filter.get()).isEqualTo("***************001001");
        assertThat(dialogs.asked).containsExactly(LeakFinderActions.LEAK_FINDER_DIALOG);

        filter.set("Production");
        assertThat(filter.get()).isEqualTo("Production");
        assertThat(dialogs.asked).hasSize(1);
    }

    @Test
    void aRealShapedOrganisationKeyInJsonIsMatchedAndAGlobalKeyIsExplained() {
        String admin = "confident_us_org_Zx9/Qm3RfT0aLw8YcN2vKd5HsJ1oGp7EuXb4Wq6T/s8=";
        models.api.withOrganizationKey("Deploy admin", true, "6T/s8=");
        models.model.allKeys().load();
        models.runner.finishAll();
        LeakFinderModel finder = finder("{\"headers\":{\"CONFIDENT_API_KEY\":\"" + admin.replace("/", "\\/") + "\"}}\n"
                + "CONFIDENT_API_KEY=" + admin.replace("_org_", "_global_").replace("6T/s8=", "ok160="));

        finder.find();
        models.runner.finishAll();

        assertThat(finder.matches()).extracting(LeakMatch::verdict).containsExactly(LeakMatch.Verdict.ONE_MATCH, LeakMatch.Verdict.GLOBAL_KEY);
        assertThat(finder.selectedKeys()).extracting(entry -> entry.key().name()).containsExactly("Deploy admin");
        assertThat(finder.rawValueOf(finder.matches().get(0).candidate())).contains(admin);
        assertThat(finder.summaryProperty().get()).isEqualTo("2 possible keys found: 1 matched one key, 1 is a global key "
                + "(switch off in the web UI: Organization Settings \u2192 Global API Keys).");
    }
}
