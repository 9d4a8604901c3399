package dev.keywarden.ui.app;

import dev.keywarden.api.OrgKey;
import dev.keywarden.core.AppContext;
import dev.keywarden.core.Profile;
import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.testing.FakeDialogService;
import dev.keywarden.testing.ManualTaskRunner;
import dev.keywarden.ui.connection.ConnectionChoice;
import dev.keywarden.ui.connection.ConnectionDialog;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.connection.ConnectionsModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening, adding and removing connections, with dialogs answered by a fake: no window needed. */
class ConnectionControllerTest {
    private static final String KEY = "confident_us_org_0123456789abcdef0123456789abcdef";

    @TempDir
    Path home;
    private final ManualTaskRunner runner = new ManualTaskRunner();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ConnectionsModel connections = new ConnectionsModel();
    private final MainViewModel model = new MainViewModel(runner, Clock.systemUTC());
    private final EmbeddedSandbox sandbox = new EmbeddedSandbox("--seed", "7");
    private final List<String> problems = new ArrayList<>();
    private AppContext context;
    private ConnectionController controller;

    @BeforeEach
    void saveOneConnection() {
        context = AppContext.loadFrom(home, Map.of());
        context.profiles().orElseThrow().add(Profile.ofCustomUrl("Staging", "https://api.staging.example.com", "STG", "#2563eb"),
                OrgKey.of(KEY));
        controller = new ConnectionController(model, connections, runner, context,
                config -> new FakeConfidentApi().withProject("p1", "Checkout", true), sandbox, dialogs, problems::add);
        controller.open(choice("Staging"));
        runner.finishAll();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private ConnectionChoice choice(String name) {
        return connections.choices().stream().filter(choice -> choice.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSavedConnectionOpensWithItsKey() {
        assertThat(model.session().stateProperty().get()).isEqualTo(ConnectionSession.State.CONNECTED);
        assertThat(model.projects().rows()).hasSize(1);
        assertThat(connections.currentProperty().get().name()).isEqualTo("Staging");
    }

    @Test
    void removingAConnectionAsksFirstAndCancellingKeepsItAndItsKey() {
        connections.removeCurrent();
        runner.finishAll();
        assertThat(dialogs.asked).singleElement().asString().startsWith("removeConnectionDialog").contains("Staging");
        assertThat(context.profiles().orElseThrow().find("Staging")).isPresent();
        assertThat(context.credentials().read("Staging")).isPresent();
    }

    @Test
    void confirmingRemovesTheConnectionAndItsKeyAndOpensTheSandbox() {
        dialogs.answer("removeConnectionDialog", true);
        connections.removeCurrent();
        runner.finishAll();
        assertThat(context.profiles().orElseThrow().find("Staging")).isEmpty();
        assertThat(context.credentials().read("Staging")).isEmpty();
        assertThat(connections.currentProperty().get().isSandbox()).isTrue();
        assertThat(connections.choices()).noneMatch(choice -> choice.name().equals("Staging"));
    }

    @Test
    void aNewConnectionFromTheDialogIsSavedAndOpened() {
        Profile local = Profile.ofCustomUrl("Local", "http://127.0.0.1:9", "LOC", "#16a34a");
        dialogs.result("connectionDialog", new ConnectionDialog.Result(local, OrgKey.of(KEY)));
        connections.add();
        runner.finishAll();
        assertThat(context.profiles().orElseThrow().find("Local")).isPresent();
        assertThat(connections.currentProperty().get().name()).isEqualTo("Local");
        assertThat(problems).isEmpty();
    }

    @Test
    void cancellingTheConnectionDialogSavesNothing() {
        connections.add();
        runner.finishAll();
        assertThat(dialogs.asked).contains("connectionDialog");
        assertThat(connections.choices()).extracting(ConnectionChoice::name).doesNotContain("Local");
    }
}
