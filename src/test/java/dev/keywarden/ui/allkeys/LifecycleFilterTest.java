package dev.keywarden.ui.allkeys;

import dev.keywarden.core.keys.Staleness;
import dev.keywarden.model.Rotation;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.ui.store.KeyRow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The all-keys filters "expired", "expires within 14 days" and "rotation pending", and their counts. */
class LifecycleFilterTest {
    private static final Instant T0 = FakeConfidentApi.T0;
    private final ConsoleModels models = ConsoleModels.connectedWithKeyLifecycle();
    private final AllKeysFilter filter = new AllKeysFilter(new Staleness(models.clock), models.clock);

    /** Key 1 expired, key 2 expires in 3 days, key 4 in 30 days; key 3 rotating with a day's grace. */
    private void arrange() {
        models.api.lifecycle().setExpiresAt(1, T0.minus(Duration.ofHours(2)));
        models.api.lifecycle().setExpiresAt(2, T0.plus(Duration.ofDays(3)));
        models.api.lifecycle().setExpiresAt(4, T0.plus(Duration.ofDays(30)));
        models.model.refresh();
        models.runner.finishAll();
        KeyRow three = row(3);
        models.model.rotations().rotate(three, Rotation.withGrace(Duration.ofHours(24)));
        models.runner.finishAll();
    }

    private KeyRow row(long id) {
        return models.model.store().rows().stream().filter(row -> row.id() == id).findFirst().orElseThrow();
    }

    private List<Long> shown() {
        return models.model.store().rows().stream().filter(filter::matches).map(KeyRow::id).toList();
    }

    @Test
    void eachLifecycleChoiceShowsItsKeys() {
        arrange();

        filter.lifecycleProperty().set(AllKeysFilter.Lifecycle.EXPIRED);
        assertThat(shown()).containsExactly(1L);
        filter.lifecycleProperty().set(AllKeysFilter.Lifecycle.EXPIRES_SOON);
        assertThat(shown()).containsExactly(2L);
        filter.lifecycleProperty().set(AllKeysFilter.Lifecycle.ROTATING);
        assertThat(shown()).containsExactly(3L);
        assertThat(filter.isActive()).isTrue();
        filter.lifecycleProperty().set(AllKeysFilter.Lifecycle.ANY);
        assertThat(shown()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }

    @Test
    void clearingTheFiltersClearsTheLifecycleChoiceToo() {
        filter.textProperty().set("ci");
        filter.statusProperty().set(AllKeysFilter.Status.values()[1]);
        filter.lifecycleProperty().set(AllKeysFilter.Lifecycle.EXPIRED);

        filter.clear();

        assertThat(filter.isActive()).as("a new connection starts with every key shown").isFalse();
        assertThat(filter.lifecycleProperty().get()).isEqualTo(AllKeysFilter.Lifecycle.ANY);
    }

    @Test
    void timePassingMovesAKeyFromExpiringSoonToExpired() {
        arrange();
        models.moveTo(T0.plus(Duration.ofDays(20)));

        filter.lifecycleProperty().set(AllKeysFilter.Lifecycle.EXPIRED);
        assertThat(shown()).containsExactlyInAnyOrder(1L, 2L);
        filter.lifecycleProperty().set(AllKeysFilter.Lifecycle.EXPIRES_SOON);
        assertThat(shown()).containsExactly(4L);
    }

    @Test
    void countsFollowTheOtherFiltersAndTheOtherFiltersCountWithThisOne() {
        arrange();
        FilterCounts counts = new FilterCounts(filter, models.model.store().rows(), (wait, then) -> then.run(), Runnable::run, Runnable::run);

        assertThat(counts.countOf(AllKeysFilter.Lifecycle.EXPIRED).get()).isEqualTo(1);
        assertThat(counts.countOf(AllKeysFilter.Lifecycle.EXPIRES_SOON).get()).isEqualTo(1);
        assertThat(counts.countOf(AllKeysFilter.Lifecycle.ROTATING).get()).isEqualTo(1);
        assertThat(counts.countOf(AllKeysFilter.Lifecycle.ANY).get()).isEqualTo(4);

        filter.statusProperty().set(AllKeysFilter.Status.ACTIVE);
        assertThat(counts.countOf(AllKeysFilter.Lifecycle.ROTATING).get()).as("key 3 is deactivated").isZero();
        assertThat(counts.countOf(AllKeysFilter.Lifecycle.EXPIRED).get()).isEqualTo(1);
        assertThat(filter.count(models.model.store().rows(), AllKeysFilter.Lifecycle.EXPIRED)).isEqualTo(1);

        filter.statusProperty().set(AllKeysFilter.Status.ALL);
        filter.lifecycleProperty().set(AllKeysFilter.Lifecycle.ROTATING);
        assertThat(counts.countOf(AllKeysFilter.Status.DEACTIVATED).get()).isEqualTo(1);
        assertThat(counts.countOf(AllKeysFilter.Status.ACTIVE).get()).isZero();
        assertThat(filter.count(models.model.store().rows(), AllKeysFilter.Status.ALL)).isEqualTo(1);
    }
}
