package dev.keywarden.ui.keys;

import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.ui.store.KeyRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The selected project's keys: loaded on selection, updated in place, never another project's. */
class KeysModelTest {
    private final ConsoleModels models = ConsoleModels.connected();
    private final KeysModel keys = models.model.keys();

    @Test
    void selectingAProjectLoadsItsKeys() {
        models.show("p1");
        assertThat(keys.rows()).extracting(KeyRow::id).containsExactly(1L, 2L, 3L);
        assertThat(keys.rows()).allSatisfy(row -> assertThat(row.key().isMasked()).isTrue());
    }

    @Test
    void keysOfAProjectLeftBeforeTheyArrivedAreNotShown() {
        models.model.projects().select(models.project("p1"));
        models.model.projects().select(models.project("p2"));
        models.runner.finishAll();
        assertThat(keys.rows()).extracting(KeyRow::id).containsExactly(4L);
    }

    @Test
    void keysOfTheFirstProjectArrivingLastDoNotReplaceTheSecondProjects() {
        models.api.setApiKeyValid("p1", 1, false);
        models.model.projects().select(models.project("p1"));
        models.model.projects().select(models.project("p2"));
        models.runner.finish(dev.keywarden.ui.projects.ProjectsModel.KEYS_TAG);
        models.runner.finish(dev.keywarden.ui.projects.ProjectsModel.KEYS_TAG);
        assertThat(keys.rows()).extracting(KeyRow::id).containsExactly(4L);
        assertThat(models.project("p1").keys().countsText()).as("the answer still counts for its own project").isEqualTo("1 / 3");
    }

    @Test
    void reloadingKeysUpdatesTheShownRowsInPlace() {
        models.show("p1");
        KeyRow first = models.shownKey(1);
        models.api.setApiKeyValid("p1", 1, false);

        keys.reload();
        models.runner.finishAll();

        assertThat(models.shownKey(1)).as("the same row, so the table keeps its selection").isSameAs(first);
        assertThat(first.key().valid()).isFalse();
        assertThat(keys.rows()).hasSize(3);
    }

    @Test
    void loadingIsShownUntilTheSelectedProjectsKeysArrive() {
        models.model.projects().select(models.project("p1"));
        assertThat(keys.loadingProperty().get()).isTrue();
        models.runner.finishAll();
        assertThat(keys.loadingProperty().get()).isFalse();
    }
}
