package dev.keywarden.ui.allkeys;

import dev.keywarden.core.keys.Staleness;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.ui.store.KeyStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A store larger than {@link FilterCounts#SPLIT_ABOVE} is judged in two halves at once, and counted as one. */
class FilterCountsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aLargeStoreJudgedInTwoHalvesCountsAndShowsAsRowByRow() {
        KeyStore store = new KeyStore();
        List<Project> projects = new ArrayList<>();
        for (int p = 1; p <= 200; p++) {
            projects.add(new Project("cscn982qjsfz2ybc1oh" + (1000 + p), "Project %03d".formatted(p), null, "org", NOW, null));
        }
        store.projectsListed(projects, 0);
        long id = 0;
        for (Project project : projects) {
            List<ApiKey> keys = new ArrayList<>();
            for (int k = 1; k <= 60; k++) {
                id++;
                Instant lastUsed = id % 4 == 0 ? null : NOW.minus(Duration.ofDays(id % 120));
                keys.add(new ApiKey(id, "Key %02d".formatted(k), id % 3 != 0,
                        "confident_us_proj_q3Zr8V+kTn2Lw5XyB1cD4eF6gH7iJ9kL0mN/oP+ok16" + (id % 10) + "=", NOW, lastUsed).masked());
            }
            store.projectKeysListed(project, keys, 0);
        }
        assertThat(store.rows()).hasSizeGreaterThan(FilterCounts.SPLIT_ABOVE);
        AllKeysFilter filter = new AllKeysFilter(new Staleness(Clock.fixed(NOW, ZoneOffset.UTC), List.of(30, 90)));
        ShownKeys shown = new ShownKeys(store.rows(), filter, (wait, then) -> then.run(), Runnable::run, Runnable::run);

        filter.textProperty().set("Key 0");
        filter.statusProperty().set(AllKeysFilter.Status.ACTIVE);
        filter.staleProperty().set(AllKeysFilter.Stale.unusedForMoreThan(30));

        assertThat(shown.rows()).isNotEmpty().containsExactlyElementsOf(store.rows().stream().filter(filter::matches).toList());
        for (AllKeysFilter.Status status : AllKeysFilter.Status.values()) {
            assertThat(shown.counts().countOf(status).get()).as(status.label()).isEqualTo(filter.count(store.rows(), status));
        }
        for (AllKeysFilter.Stale stale : filter.staleChoices()) {
            assertThat(shown.counts().countOf(stale).get()).as(stale.label()).isEqualTo(filter.count(store.rows(), stale));
        }
    }
}
