package dev.keywarden.ui.store;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one store of the console's keys: lists, answers and their stamps, views, and updates that touch only what changed. */
class KeyStoreTest {
    private static final Project DOCS = new Project("p1", "Docs", null, "org", Instant.EPOCH, null);
    private static final Project SHOP = new Project("p2", "Shop", null, "org", Instant.EPOCH, null);

    private final KeyStore store = new KeyStore();

    private static ApiKey key(long id, boolean valid) {
        return new ApiKey(id, "key " + id, valid, "***************00000" + id, Instant.EPOCH, null);
    }

    private KeyRow row(KeyRef ref) {
        return store.find(ref).orElseThrow();
    }

    @Test
    void aListAskedForBeforeAnAnswerLandedLeavesThatKeyAsAnsweredAndUpdatesTheOthers() {
        store.projectKeysListed(DOCS, List.of(key(1, true), key(2, true)), store.stamp());
        long askedAt = store.stamp();

        store.answered(KeyEntry.ofProject(DOCS, key(1, false)));
        store.projectKeysListed(DOCS, List.of(key(1, true), key(2, false)), askedAt);

        assertThat(row(KeyRef.project("p1", 1)).key().valid()).as("the answer stays").isFalse();
        assertThat(row(KeyRef.project("p1", 2)).key().valid()).as("the list is news for the other key").isFalse();
        store.projectKeysListed(DOCS, List.of(key(1, true), key(2, false)), store.stamp());
        assertThat(row(KeyRef.project("p1", 1)).key().valid()).as("a list asked for after the answer is shown").isTrue();
    }

    @Test
    void aRevokedKeyIsNotBroughtBackByAListAskedForBeforeAndACreatedOneIsNotTakenAway() {
        store.projectKeysListed(DOCS, List.of(key(1, true), key(2, true)), store.stamp());
        long askedAt = store.stamp();

        store.removed(KeyRef.project("p1", 1));
        store.answered(KeyEntry.ofProject(DOCS, key(3, true)));
        store.projectKeysListed(DOCS, List.of(key(1, true), key(2, true)), askedAt);

        assertThat(store.keysOf("p1")).extracting(KeyRow::id).containsExactly(2L, 3L);
        assertThat(store.summaryOf("p1").get().countsText()).isEqualTo("2 / 2");
    }

    @Test
    void aReadAskedForBeforeAnAnswerIsDroppedAndOneAskedAfterIsShown() {
        store.organisationKeysListed(List.of(key(7, true)), store.stamp());
        long before = store.stamp();
        store.answered(KeyEntry.ofOrganisation(key(7, false)));

        store.read(KeyEntry.ofOrganisation(key(7, true)), before);
        assertThat(row(KeyRef.organisation(7)).key().valid()).isFalse();
        store.read(KeyEntry.ofOrganisation(key(7, true)), store.stamp());
        assertThat(row(KeyRef.organisation(7)).key().valid()).isTrue();
    }

    @Test
    void aRowWithSomethingUnderWayStaysUntilItEnds() {
        store.projectKeysListed(DOCS, List.of(key(1, true)), store.stamp());
        KeyRow row = row(KeyRef.project("p1", 1));
        store.mark(row, RowState.REVOKING);

        store.projectKeysListed(DOCS, List.of(), store.stamp());

        assertThat(store.rows()).containsExactly(row);
        store.mark(row, RowState.IDLE);
        store.projectKeysListed(DOCS, List.of(), store.stamp());
        assertThat(store.rows()).isEmpty();
    }

    @Test
    void theViewsAreOfTheSameRowsAndASummaryFollowsEveryChange() {
        store.projectsListed(List.of(DOCS, SHOP), store.stamp());
        store.projectKeysListed(DOCS, List.of(key(1, true), key(2, false)), store.stamp());
        store.organisationKeysListed(List.of(key(9, true)), store.stamp());
        assertThat(store.summaryOf("p2").get()).as("null until listed").isNull();
        store.projectKeysListed(SHOP, List.of(key(4, true)), store.stamp());

        assertThat(store.rows()).extracting(KeyRow::id).as("organisation keys first").containsExactly(9L, 1L, 2L, 4L);
        assertThat(store.organisationRows()).extracting(KeyRow::id).containsExactly(9L);
        assertThat(store.summaryOf("p1").get().countsText()).isEqualTo("1 / 2");
        assertThat(row(KeyRef.project("p1", 1)).ownerLabel()).isEqualTo("Docs");
        assertThat(row(KeyRef.organisation(9)).ownerLabel()).isEqualTo("Organisation");

        store.answered(KeyEntry.ofProject(DOCS, key(2, true)));
        assertThat(store.summaryOf("p1").get().countsText()).isEqualTo("2 / 2");
        List<String> updated = new ArrayList<>();
        store.rows().addListener((ListChangeListener<KeyRow>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    change.getList().subList(change.getFrom(), change.getTo()).forEach(row -> updated.add(row.ownerLabel() + " " + row.id()));
                }
            }
        });
        store.projectsRenamed(new Project("p1", "Docs Q&A", null, "org", Instant.EPOCH, null));
        assertThat(row(KeyRef.project("p1", 1)).entry().projectName()).isEqualTo("Docs Q&A");
        assertThat(updated).as("the views hear of the renamed project's rows").containsExactlyInAnyOrder("Docs Q&A 1", "Docs Q&A 2");
        store.projectsListed(List.of(new Project("p1", "Docs Q&A", null, "org", Instant.EPOCH, null), SHOP), store.stamp());
        assertThat(updated).as("a listing under the same name changes nothing").hasSize(2);
        store.projectsListed(List.of(new Project("p1", null, null, "org", Instant.EPOCH, null), SHOP), store.stamp());
        assertThat(updated).as("a server's project with no name (null) is a change too").hasSize(4);

        store.projectsListed(List.of(DOCS), store.stamp());
        assertThat(store.rows()).extracting(KeyRow::id).as("the keys of a project no longer listed leave").containsExactly(9L, 1L, 2L);
        assertThat(store.summaryOf("p2").get()).isNull();
    }

    @Test
    void aDeletedProjectsKeysAreNotBroughtBackByAListAskedForBefore() {
        store.projectKeysListed(DOCS, List.of(key(1, true)), store.stamp());
        long askedAt = store.stamp();
        store.projectRemoved("p1");
        store.projectKeysListed(DOCS, List.of(key(1, true)), askedAt);
        assertThat(store.rows()).isEmpty();
    }

    @Test
    void listingTheSameKeysAgainChangesNothingAndOneListingIsOneChange() {
        List<String> changes = new ArrayList<>();
        store.rows().addListener((ListChangeListener<KeyRow>) change -> changes.add(change.toString()));
        List<ApiKey> keys = new ArrayList<>();
        for (int id = 1; id <= 500; id++) {
            keys.add(key(id, id % 2 == 0));
        }

        store.projectKeysListed(DOCS, keys, store.stamp());
        assertThat(changes).as("500 keys added in one change").hasSize(1);
        store.projectKeysListed(DOCS, keys, store.stamp());
        assertThat(changes).as("nothing new, nothing told").hasSize(1);

        keys.set(10, key(11, true));
        store.projectKeysListed(DOCS, keys, store.stamp());
        assertThat(changes).as("one key changed: one update").hasSize(2);
    }

    @Test
    void aBatchOfListsIsOneChangeOfTheRowsAndEveryOtherViewIsUpToDateAtOnce() {
        List<ListChangeListener.Change<? extends KeyRow>> changes = new ArrayList<>();
        store.rows().addListener((ListChangeListener<KeyRow>) changes::add);

        store.inBatch(() -> {
            store.projectKeysListed(DOCS, List.of(key(1, true), key(2, true)), store.stamp());
            store.organisationKeysListed(List.of(key(7, true)), store.stamp());
            store.projectKeysListed(SHOP, List.of(key(3, false)), store.stamp());
            store.removed(KeyRef.project("p1", 2));
            assertThat(store.rows()).as("the rows wait for the batch's end").isEmpty();
            assertThat(store.find(KeyRef.project("p2", 3))).as("a row by reference is there at once").isPresent();
            assertThat(store.summaryOf("p2").get().countsText()).isEqualTo("0 / 1");
        });

        assertThat(changes).as("organisation keys first, then project keys: two changes, not one per list").hasSize(2);
        assertThat(store.rows()).extracting(KeyRow::id).containsExactly(7L, 1L, 3L);
        store.projectKeysListed(DOCS, List.of(key(1, true), key(5, true)), store.stamp());
        assertThat(store.rows()).as("outside a batch, at once").extracting(KeyRow::id).containsExactly(7L, 1L, 3L, 5L);
    }

    @Test
    void aBatchThatChangesManyKeysTellsThemInOneUpdateAndEachRowShowsItsKeyAtOnce() {
        List<ApiKey> docs = new ArrayList<>();
        List<ApiKey> shop = new ArrayList<>();
        for (int id = 1; id <= 300; id++) {
            (id % 3 == 0 ? shop : docs).add(key(id, true));
        }
        store.projectKeysListed(DOCS, docs, store.stamp());
        store.projectKeysListed(SHOP, shop, store.stamp());
        FilteredList<KeyRow> inactive = new FilteredList<>(store.rows(), row -> !row.key().valid());
        List<String> changes = new ArrayList<>();
        store.rows().addListener((ListChangeListener<KeyRow>) change -> {
            StringBuilder told = new StringBuilder();
            while (change.next()) {
                told.append(change.wasUpdated() ? "updated " + (change.getTo() - change.getFrom())
                        : change.wasAdded() ? "added " + change.getAddedSize() : "removed " + change.getRemovedSize()).append(';');
            }
            changes.add(told.toString());
        });

        store.inBatch(() -> {
            // Every key was switched off since; key 1 is gone and key 301 is new.
            store.projectKeysListed(DOCS, docs.stream().filter(key -> key.id() != 1).map(key -> key(key.id(), false)).toList(), store.stamp());
            store.projectKeysListed(SHOP, java.util.stream.Stream.concat(shop.stream().map(key -> key(key.id(), false)),
                    java.util.stream.Stream.of(key(301, false))).toList(), store.stamp());
            assertThat(row(KeyRef.project("p2", 3)).key().valid()).as("the row shows its key at once").isFalse();
            assertThat(store.summaryOf("p1").get().countsText()).isEqualTo("0 / 199");
        });

        assertThat(changes).as("the removal at once; at the end, the 299 changed keys in one update, then the new key")
                .containsExactly("removed 1;", "updated 299;", "added 1;");
        assertThat(inactive).as("a view of the rows follows the update").hasSize(300).allMatch(row -> !row.key().valid());
    }

    @Test
    void clearingForgetsEverything() {
        store.projectKeysListed(DOCS, List.of(key(1, true)), store.stamp());
        store.organisationKeysListed(List.of(key(9, true)), store.stamp());
        store.clear();
        assertThat(store.rows()).isEmpty();
        assertThat(store.organisationRows()).isEmpty();
        assertThat(store.keysOf("p1")).isEmpty();
        assertThat(store.summaryOf("p1").get()).isNull();
    }

    @Test
    void tellsHowManyKeysItExpectsScalingTheProjectsKeysToEveryProjectListedAndNotTheOrganisations() {
        Project third = new Project("p3", "Ops", null, "org", Instant.EPOCH, null);
        List<Long> told = new ArrayList<>();
        KeyStore counted = new KeyStore(told::add);
        counted.projectsListed(List.of(DOCS, SHOP, third), counted.stamp());

        counted.organisationKeysListed(List.of(key(9, true), key(10, true)), counted.stamp());
        counted.projectKeysListed(DOCS, List.of(key(1, true), key(2, true)), counted.stamp());
        counted.projectKeysListed(SHOP, List.of(key(3, true)), counted.stamp());
        counted.projectKeysListed(DOCS, List.of(key(1, false), key(2, true)), counted.stamp());
        assertThat(told).as("2 organisation keys; then 2 + 2 keys of 1 project in 3; 2 + 3 of 2 in 3, rounded down; a list"
                + " adding none tells nothing").containsExactly(2L, 8L, 6L);

        counted.removed(KeyRef.project("p1", 1));
        counted.projectKeysListed(third, List.of(key(4, true)), counted.stamp());
        assertThat(told.get(told.size() - 1)).as("the keys held now, not every row ever made: 2 + 3 of 3").isEqualTo(5L);

        counted.clear();
        counted.projectKeysListed(DOCS, List.of(key(1, true)), counted.stamp());
        assertThat(told.get(told.size() - 1)).as("a store that forgot its keys and projects counts again").isEqualTo(1L);
    }

    @Test
    void countsTheKeysABatchIsStillToShowAsHeld() {
        List<Long> told = new ArrayList<>();
        KeyStore counted = new KeyStore(told::add);
        counted.projectsListed(List.of(DOCS, SHOP), counted.stamp());

        counted.inBatch(() -> {
            counted.projectKeysListed(DOCS, List.of(key(1, true), key(2, true)), counted.stamp());
            counted.projectKeysListed(SHOP, List.of(key(3, true)), counted.stamp());
        });

        assertThat(told).as("2 keys of 1 project in 2, then 3 of 2, before the batch shows them").containsExactly(4L, 3L);
        assertThat(counted.rows()).hasSize(3);
    }
}
