package dev.keywarden.ui.bulk;

import dev.keywarden.api.ServerException;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.testing.FakeDialogService;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.RowState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan says what the server has now: its keys are read again before it is shown. */
class BulkActionsTest {
    private final ConsoleModels models = ConsoleModels.connected();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final BulkContext context = models.model.incident(new Notices(text -> { }), Runnable::run);
    private final BulkActions actions = new BulkActions(context, dialogs);

    private KeyEntry entry(long id) {
        return models.model.store().rows().stream().filter(row -> row.id() == id).findFirst().orElseThrow().entry();
    }

    private BulkModel plan(KeyAction action, List<KeyEntry> keys) {
        BulkModel[] shown = new BulkModel[1];
        actions.plan(action, keys).thenAccept(model -> shown[0] = model);
        models.runner.finishAll();
        return shown[0];
    }

    @Test
    void aKeySwitchedBackOnElsewhereIsNotSkippedAsAlreadyDeactivated() {
        KeyEntry staleView = entry(3);
        assertThat(staleView.key().valid()).as("as loaded").isFalse();
        models.api.setApiKeyValid("p1", 3, true);

        BulkModel model = plan(KeyAction.DEACTIVATE, List.of(staleView));

        assertThat(model.plan().toSend()).extracting(KeyEntry::ref).containsExactly(KeyRef.project("p1", 3));
        assertThat(model.plan().alreadyDone()).isEmpty();
        assertThat(models.model.store().find(KeyRef.project("p1", 3)).orElseThrow().key().valid())
                .as("the store shows the read too").isTrue();
        assertThat(dialogs.asked).containsExactly(BulkActions.BULK_DIALOG);
    }

    @Test
    void aKeyGoneFromTheServerIsNotFoundAndOneThatCouldNotBeReadIsSaidSo() {
        models.api.revokeApiKey("p1", 2);
        KeyEntry gone = entry(2);
        KeyEntry other = entry(4);
        models.api.failNextReadOf(1, new ServerException(503, "maintenance", "GET", "/v1/projects/p1/api-keys/1"));

        BulkModel model = plan(KeyAction.DEACTIVATE, List.of(entry(1), gone, other));

        assertThat(model.plan().notFound()).containsExactly(KeyRef.project("p1", 2));
        assertThat(model.plan().toSend()).extracting(KeyEntry::ref).containsExactlyInAnyOrder(KeyRef.project("p1", 1), KeyRef.project("p2", 4));
        assertThat(model.notes()).singleElement().asString().startsWith("1 key could not be read again (").endsWith("): shown as last loaded.");
    }

    @Test
    void nothingIsPlannedForAKeyWithSomethingUnderWay() {
        KeyRow row = models.model.store().find(KeyRef.project("p1", 1)).orElseThrow();
        models.model.store().mark(row, RowState.changing(false));

        assertThat(actions.plan(KeyAction.DEACTIVATE, List.of(row.entry())).toCompletableFuture().join()).isNull();

        assertThat(models.runner.tags()).isEmpty();
        assertThat(models.model.refusals().latest()).contains("is being deactivated");
    }
}
