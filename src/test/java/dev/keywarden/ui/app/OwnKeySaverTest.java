package dev.keywarden.ui.app;

import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.OrgKey;
import dev.keywarden.core.AppContext;
import dev.keywarden.core.Profile;
import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.testing.FakeDialogService;
import dev.keywarden.testing.ManualTaskRunner;
import dev.keywarden.ui.connection.ConnectionChoice;
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
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/** After Rotate… on the connection's own key: the new value saved in the saved connection, checked, and used. */
class OwnKeySaverTest {
    private static final String OLD_KEY = "confident_us_org_0123456789abcdef0123456789abcdef";
    private static final String NEW_KEY = "confident_us_org_fedcba9876543210fedcba9876543210";
    private static final String REFUSED_KEY = "confident_us_org_qOkbW2xv9Tq4Zr1mN8pL3sYc7Hd0Ue5Fk+Jg6Ai8ok160=";

    @TempDir
    Path home;
    private final ManualTaskRunner runner = new ManualTaskRunner();
    private final ConnectionsModel connections = new ConnectionsModel();
    private final MainViewModel model = new MainViewModel(runner, Clock.systemUTC());
    private final EmbeddedSandbox sandbox = new EmbeddedSandbox("--seed", "7");
    private final List<ConnectionConfig> opened = new ArrayList<>();
    private AppContext context;
    private ConnectionController controller;

    @BeforeEach
    void saveOneConnection() {
        context = AppContext.loadFrom(home, Map.of());
        context.profiles().orElseThrow().add(Profile.ofCustomUrl("Staging", "https://api.staging.example.com", "STG", "#2563eb"),
                OrgKey.of(OLD_KEY));
        controller = new ConnectionController(model, connections, runner, context, config -> {
            opened.add(config);
            FakeConfidentApi api = new FakeConfidentApi().withProject("p1", "Checkout", true);
            if (config.orgKey().equals(OrgKey.of(REFUSED_KEY))) {
                api.failAll(new dev.keywarden.api.UnauthorizedException("Invalid API key", "GET", "/v1/organization"));
            }
            return api;
        }, sandbox, new FakeDialogService(), message -> { });
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
    void theNewValueIsSavedCheckedWithTheServerAndTheConnectionReopenedWithIt() {
        OwnKeySaver saver = controller.ownKeyUpdate();
        assertThat(saver.cannotUpdate()).isNull();
        opened.clear();

        CompletionStage<String> done = saver.update(NEW_KEY);
        runner.finish(OwnKeySaver.SAVE_TAG);
        runner.finishAll();

        assertThat(done.toCompletableFuture().join()).contains("\u201cStaging\u201d now uses the new value ending 543210")
                .doesNotContain(NEW_KEY);
        assertThat(context.credentials().read("Staging")).contains(OrgKey.of(NEW_KEY));
        assertThat(opened).as("one gateway to check it, then the connection opened again with it").hasSize(2)
                .allSatisfy(config -> assertThat(config.orgKey()).isEqualTo(OrgKey.of(NEW_KEY)));
        assertThat(model.session().keySuffix()).isEqualTo("543210");
    }

    @Test
    void aNewValueTheServerRefusesNeverReplacesTheSavedOne() {
        CompletionStage<String> done = controller.ownKeyUpdate().update(REFUSED_KEY);
        runner.finish(OwnKeySaver.SAVE_TAG);
        runner.finishAll();

        assertThat(done.toCompletableFuture()).isCompletedExceptionally();
        assertThat(context.credentials().read("Staging")).as("the value that still works is kept").contains(OrgKey.of(OLD_KEY));
        assertThat(model.session().keySuffix()).isEqualTo(OLD_KEY.substring(OLD_KEY.length() - 6));
    }

    @Test
    void theDemoSandboxsKeyIsNotKeywardensToSave() {
        controller.open(choice(ConnectionController.SANDBOX_NAME));
        runner.finishAll();

        assertThat(controller.ownKeyUpdate().cannotUpdate()).contains("demo sandbox");
    }
}
