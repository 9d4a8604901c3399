package dev.keywarden.ui.orgkeys;

import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.testing.FakeDialogService;
import dev.keywarden.testing.ManualTaskRunner;
import dev.keywarden.ui.app.MainViewModel;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.keys.KeyActions;
import dev.keywarden.ui.store.KeyRow;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Organisation keys: listed masked, the key in use marked, and the guard against locking yourself out. */
class OrgKeysTest {
    private final ManualTaskRunner runner = new ManualTaskRunner();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final List<String> notices = new ArrayList<>();
    private final FakeConfidentApi api = new FakeConfidentApi()
            .withProject("p1", "Checkout", true)
            .withOrganizationKey("Keywarden on the admin laptop", true, "c0ffee")
            .withOrganizationKey("CI deploy key", true, "d4e5f6")
            .withOrganizationKey("Old script", false, "0a0b0c");
    private final MainViewModel model = new MainViewModel(runner, Clock.systemUTC());
    private final KeyActions actions = new KeyActions(model.session(), model.projects(), model.connectionKey(), model.keyCommands(),
            dialogs, new Notices(notices::add), runner);

    private void connectWithKeyEnding(String suffix) {
        model.connect(api, suffix);
        runner.finishAll();
    }

    private KeyRow orgKey(String suffix) {
        return model.orgKeys().rows().stream().filter(row -> row.key().suffix().equals(suffix)).findFirst().orElseThrow();
    }

    @Test
    void theOrganisationKeysAreListedMaskedAndTheOneInUseIsMarked() {
        connectWithKeyEnding("c0ffee");
        assertThat(model.orgKeys().rows()).hasSize(3).allSatisfy(row -> {
            assertThat(row.isOrganizationKey()).isTrue();
            assertThat(row.key().value()).matches("\\*{15}[0-9a-f]{6}");
        });
        assertThat(model.orgKeys().keyInUse().row()).isSameAs(orgKey("c0ffee"));
        assertThat(model.orgKeys().keyInUse().isAmbiguous()).isFalse();
    }

    @Test
    void whenSeveralKeysEndTheSameWayNoneIsMarkedAndTheModelSaysSo() {
        api.withOrganizationKey("Second laptop", true, "c0ffee");
        connectWithKeyEnding("c0ffee");
        assertThat(model.orgKeys().keyInUse().row()).isNull();
        assertThat(model.orgKeys().keyInUse().isAmbiguous()).isTrue();
        assertThat(model.orgKeys().keyInUse().matches()).isEqualTo(2);
    }

    @Test
    void deactivatingTheKeyInUseAsksFirstAndCancellingLeavesItActive() {
        connectWithKeyEnding("c0ffee");
        actions.toggle(orgKey("c0ffee"));
        runner.finishAll();
        assertThat(dialogs.asked).singleElement().asString().startsWith(KeyActions.LOCK_OUT_DIALOG)
                .contains("this connection stops working");
        assertThat(api.organizationKeyToggleCalls()).isZero();
        assertThat(orgKey("c0ffee").key().valid()).isTrue();
        assertThat(model.session().stateProperty().get()).isEqualTo(ConnectionSession.State.CONNECTED);
    }

    @Test
    void confirmingDeactivatesItAndTheHeaderShowsTheConnectionLockedOut() {
        connectWithKeyEnding("c0ffee");
        dialogs.answer(KeyActions.LOCK_OUT_DIALOG, true);
        actions.setValid(orgKey("c0ffee"), false);
        runner.finishAll();
        assertThat(orgKey("c0ffee").key().valid()).isFalse();
        assertThat(model.session().stateProperty().get()).isEqualTo(ConnectionSession.State.FAILED);
        assertThat(model.session().problemProperty().get()).startsWith("Locked out").contains("Edit the connection");
    }

    @Test
    void anotherOrganisationKeyIsSwitchedOffWithoutAQuestion() {
        connectWithKeyEnding("c0ffee");
        actions.toggle(orgKey("d4e5f6"));
        runner.finishAll();
        assertThat(dialogs.asked).isEmpty();
        assertThat(orgKey("d4e5f6").key().valid()).isFalse();
        assertThat(api.organizationKeyToggleCalls()).isEqualTo(1);
    }

    @Test
    void withAnAmbiguousSuffixEveryMatchingKeyAsks() {
        api.withOrganizationKey("Second laptop", true, "c0ffee");
        connectWithKeyEnding("c0ffee");
        model.orgKeys().rows().stream().filter(row -> row.key().suffix().equals("c0ffee")).forEach(actions::toggle);
        assertThat(dialogs.asked).hasSize(2).allSatisfy(asked -> assertThat(asked).contains("may be that key"));
        assertThat(api.organizationKeyToggleCalls()).isZero();
    }

    @Test
    void aCreatedOrganisationKeyIsShownOnceRawThenListedMasked() {
        connectWithKeyEnding("c0ffee");
        List<String> raw = new ArrayList<>();
        model.keyCommands().createOrganizationKey("New admin").thenAccept(created -> raw.add(created.value()));
        runner.finishAll();
        assertThat(raw).singleElement().asString().startsWith("confident_");
        assertThat(model.orgKeys().rows()).hasSize(4).allSatisfy(row -> assertThat(row.key().isMasked()).isTrue());
    }

    @Test
    void revokedOrganisationKeysLeaveTheList() {
        connectWithKeyEnding("c0ffee");
        model.keyCommands().revoke(orgKey("0a0b0c"));
        runner.finishAll();
        assertThat(model.orgKeys().rows()).extracting(row -> row.key().suffix()).containsExactly("c0ffee", "d4e5f6");
    }

    @Test
    void theOrganisationIsRenamedWithTheServersAnswer() {
        connectWithKeyEnding("c0ffee");
        model.session().renameOrganization("Acme Holdings");
        runner.finishAll();
        assertThat(model.session().organizationProperty().get().name()).isEqualTo("Acme Holdings");
    }
}
