package dev.keywarden.ui.app;

import dev.keywarden.api.UnauthorizedException;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.ui.connection.ConnectionSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Moving to another connection keeps nothing of the previous organisation; a refused key says what to do. */
class ConnectionSwitchTest {
    private final ConsoleModels models = ConsoleModels.connected();

    @Test
    void anotherConnectionStartsWithNoFilterNoProgressNoWatchAndNoKeys() {
        models.model.projects().filter().textProperty().set("Production");
        models.model.watch().watch(models.model.store().entries());
        models.runner.finishAll();
        models.model.allKeys().load();
        models.model.allKeys().cancel();
        models.runner.finishAll();
        assertThat(models.model.allKeys().problemProperty().get()).startsWith("Stopped after");

        models.model.connect(new FakeConfidentApi().withProject("q1", "Other", true));

        assertThat(models.model.projects().filter().textProperty().get()).isEmpty();
        assertThat(models.model.allKeys().problemProperty().get()).isNull();
        assertThat(models.model.allKeys().doneProperty().get()).isZero();
        assertThat(models.model.watch().rows()).isEmpty();
        assertThat(models.model.watch().watchingProperty().get()).isFalse();
        assertThat(models.model.store().rows()).isEmpty();
        models.runner.finishAll();
        assertThat(models.model.store().rows()).hasSize(1);
    }

    @Test
    void aRefusedKeySaysToEditTheConnectionAndALockOutIsNotOverwrittenByTheNext401() {
        models.api.failAll(new UnauthorizedException("Invalid API key", "GET", "/v1/organization"));
        models.model.refresh();
        models.runner.finishAll();
        assertThat(models.model.session().problemProperty().get()).contains("Invalid API key").endsWith("Use Edit connection\u2026 to give another organisation key.");

        models.model.session().lockedOut("Locked out: this connection's organisation key was deactivated. Use Edit connection\u2026 to give another organisation key.");
        models.model.refresh();
        models.runner.finishAll();

        assertThat(models.model.session().stateProperty().get()).isEqualTo(ConnectionSession.State.FAILED);
        assertThat(models.model.session().problemProperty().get()).startsWith("Locked out");
    }
}
