package dev.keywarden.ui.leak;

import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.testing.FakeDialogService;
import dev.keywarden.ui.bulk.BulkActions;
import dev.keywarden.ui.common.Notices;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The match list stayed blank in 4 of 14 opens: the dialog listened to a read-only wrapper made for it alone,
 * which the list holds only weakly, so the wrapper (and the listener) could be collected. The model hands out one.
 */
class LeakFinderWrapperTest {
    @Test
    void theMatchesAndTheSelectionAreOneListEachThatTheModelKeeps() {
        ConsoleModels models = ConsoleModels.connected();
        LeakFinderModel finder = new LeakFinderModel(models.model.allKeys(),
                new BulkActions(models.model.incident(new Notices(text -> { }), Runnable::run), new FakeDialogService()));
        assertThat(finder.matches()).isSameAs(finder.matches());
        assertThat(finder.selected()).isSameAs(finder.selected());
    }
}
