package dev.keywarden.ui.store;

import dev.keywarden.api.NotFoundException;
import dev.keywarden.common.Causes;
import dev.keywarden.common.HeapWarmer;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Every key of the open organisation, project keys and organisation keys alike, one {@link KeyRow} each,
 * keyed by its reference: the one place the console holds a key's state. Every table and figure is a view
 * of it (the selected project's keys, the organisation keys, all keys: filtered lists of {@link #rows()};
 * a project's counts: {@link #summaryOf(String)}). It is fed by the organisation loader's lists and by
 * every answer about one key (a change, a read after a lost answer, a watch).
 *
 * <p><b>Stamps.</b> Each answer about one key stamps its row when it lands ({@link #answered}); a list is
 * given the stamp taken when it was asked for ({@link #stamp()}), and a key whose row was stamped after
 * that keeps what it shows: a list asked for before a change landed never undoes the change on screen.
 * Revoked keys and deleted projects are remembered the same way, so a stale list does not bring them back.
 *
 * <p>Updates touch only the rows they concern (a project's listing, one key); nothing is rebuilt. A load's lists
 * arrive in batches ({@link #inBatch}): rows added and rows changed are each told in one change of {@link #rows()} per
 * batch, not one per project or per key. Confined to the FX thread.
 */
public final class KeyStore {
    private final KeyRowList rows = new KeyRowList();
    private final ObservableList<KeyRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    /** The next row's {@link KeyRow#serial()}. */
    private int nextSerial;
    private final FilteredList<KeyRow> organisationRows = new FilteredList<>(readOnlyRows, KeyRow::isOrganizationKey);
    /**
     * Rows by project id, then by reference; organisation keys under {@code null}. The one index of the rows: a second
     * map by reference, or ids boxed as keys, cost 58 bytes a key, which every young collection copies while keys load.
     */
    private final Map<String, Map<KeyRef, KeyRow>> byOwner = new HashMap<>();
    private final Map<String, Owner> owners = new HashMap<>();
    private final Map<String, ReadOnlyObjectWrapper<KeySummary>> summaries = new HashMap<>();
    private final Map<KeyRef, Long> revokedAt = new HashMap<>();
    private final Map<String, Long> projectRemovedAt = new HashMap<>();
    private long clock;
    /** Told how many keys the store expects to hold once every listed project's keys are in (the heap's warmer). */
    private final LongConsumer keysExpected;
    /** How many projects the last list of them had. */
    private int listedProjects;

    public KeyStore() {
        this(HeapWarmer.process()::keysExpected);
    }

    /** With its own listener for how many keys the store expects (a test's). */
    KeyStore(LongConsumer keysExpected) {
        this.keysExpected = keysExpected;
    }

    /** Take it when asking the server for a list or a key, and give it back with the answer. */
    public long stamp() {
        return clock;
    }

    /**
     * Runs {@code work} (lists and answers delivered together) as one batch: the rows it adds join {@link #rows()} at
     * its end, in one change (two when organisation keys came too), and the rows whose key it changed are told in one
     * change before them, so the tables over the store sort and filter once per batch instead of once per project or
     * per key. Every row shows its key at once, and every other view of the store (a row by reference, a project's
     * keys and figures) is up to date at once.
     */
    public void inBatch(Runnable work) {
        rows.inBatch(work);
    }

    /**
     * Shows a listed or answered key in its row; if it changed, the views of {@link #rows()} hear of it at once, or at
     * the batch's end. One by one, a reload of 50,000 changed keys was 50,000 changes, each found in the list by a
     * search through it: the window stalled for up to 0.7 s.
     */
    private void show(KeyRow row, ApiKey key) {
        if (row.show(key)) {
            rows.updated(row);
        }
    }

    // ---- lists ------------------------------------------------------------------------------------

    /** The projects as listed: names follow renames, and the keys of projects no longer listed leave. */
    public void projectsListed(List<Project> projects, long askedAt) {
        listedProjects = projects.size();
        Set<String> listed = new HashSet<>();
        for (Project project : projects) {
            listed.add(project.id());
            rename(owner(project.id(), project.name()), project.name());
        }
        for (String projectId : new ArrayList<>(byOwner.keySet())) {
            if (projectId != null && !listed.contains(projectId)) {
                drop(projectId, askedAt);
            }
        }
    }

    /** A project the server renamed: its keys' rows name it so at once. */
    public void projectsRenamed(Project project) {
        Owner owner = owners.get(project.id());
        if (owner != null) {
            rename(owner, project.name());
        }
    }

    /** The views hear of each of the project's rows, whose project name changed: filters and sorts follow it. */
    private void rename(Owner owner, String name) {
        Map<KeyRef, KeyRow> keys = byOwner.get(owner.projectId());
        if (owner.rename(name) && keys != null) {
            rows.updatedEach(keys.values());
        }
    }

    /**
     * One project's keys as the server listed them. Keys changed, created or revoked after {@code askedAt}
     * keep what they show; a row with something under way stays until that ends.
     */
    public void projectKeysListed(Project project, List<ApiKey> keys, long askedAt) {
        Long removed = projectRemovedAt.get(project.id());
        if (removed != null && removed > askedAt) {
            return;
        }
        owner(project.id(), project.name());
        listed(project.id(), keys, askedAt);
    }

    /** The organisation keys as the server listed them; as {@link #projectKeysListed}. */
    public void organisationKeysListed(List<ApiKey> keys, long askedAt) {
        listed(null, keys, askedAt);
    }

    private void listed(String projectId, List<ApiKey> keys, long askedAt) {
        Map<KeyRef, KeyRow> current = byOwner.computeIfAbsent(projectId, id -> new LinkedHashMap<>());
        Set<KeyRef> listedRefs = new HashSet<>();
        List<KeyRow> added = new ArrayList<>();
        for (ApiKey key : keys) {
            KeyRef ref = refOf(projectId, key.id());
            listedRefs.add(ref);
            KeyRow row = current.get(ref);
            if (row == null) {
                Long revoked = revokedAt.get(ref);
                if (revoked == null || revoked <= askedAt) {
                    row = new KeyRow(ref, projectId == null ? null : owners.get(projectId), key, nextSerial++);
                    current.put(ref, row);
                    added.add(row);
                }
            } else if (row.changedAt <= askedAt) {
                show(row, key);
            }
        }
        Set<KeyRow> gone = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (KeyRow row : current.values()) {
            if (!listedRefs.contains(row.ref()) && row.changedAt <= askedAt && row.isIdle()) {
                gone.add(row);
            }
        }
        forget(gone);
        rows.add(added, projectId == null);
        summarise(projectId);
        if (!added.isEmpty()) {
            keysExpected.accept(expectedKeys());
        }
    }

    // ---- answers about one key --------------------------------------------------------------------

    /**
     * The server's answer about one key (to a change, or a read of it): shown at once, and stamped, so that
     * a list asked for before it does not undo it. A key not yet known is added.
     */
    public void answered(KeyEntry entry) {
        KeyRef ref = entry.ref();
        clock++;
        revokedAt.remove(ref);
        KeyRow row = rowOf(ref);
        if (row == null) {
            Owner owner = ref.isOrganisationKey() ? null : owner(ref.projectId(), entry.projectName());
            row = new KeyRow(ref, owner, entry.key(), nextSerial++);
            byOwner.computeIfAbsent(ref.projectId(), id -> new LinkedHashMap<>()).put(ref, row);
            rows.add(List.of(row), false);
        } else {
            show(row, entry.key());
        }
        row.changedAt = clock;
        summarise(ref.projectId());
    }

    /**
     * A read of one key asked for at {@code askedAt} (a watch, a plan read again): shown unless an answer
     * about the key landed since; stamped like any answer.
     */
    public void read(KeyEntry entry, long askedAt) {
        KeyRow row = rowOf(entry.ref());
        if (row == null || row.changedAt <= askedAt) {
            answered(entry);
        }
    }

    /** The key is gone from the server (revoked, or not found): its row leaves, and stale lists do not bring it back. */
    public void removed(KeyRef ref) {
        revokedAt.put(ref, ++clock);
        KeyRow row = rowOf(ref);
        if (row != null) {
            forget(Set.of(row));
            summarise(ref.projectId());
        }
    }

    /** A deleted project: its keys leave, and a list of them asked for before does not bring them back. */
    public void projectRemoved(String projectId) {
        drop(projectId, Long.MAX_VALUE);
        projectRemovedAt.put(projectId, ++clock);
    }

    /**
     * A change's result (its answer, or what reading the key again showed): the key shows it, or leaves when
     * the server no longer has it, and the row is idle again, marked "may be out of date" when the change
     * may still land.
     */
    public void changed(KeyResult result) {
        KeyRef ref = result.entry().ref();
        if (result.after() != null) {
            answered(result.entry().with(result.after()));
        } else if (result.action() == KeyAction.REVOKE && result.succeeded()
                || result.outcome() == KeyResult.Outcome.FAILED && Causes.unwrap(result.error()) instanceof NotFoundException) {
            removed(ref);
        }
        find(ref).ifPresent(row -> row.mark(result.mayStillLand() ? RowState.MAY_BE_OUT_OF_DATE : RowState.IDLE));
    }

    /** Shows that something is under way for the row, or that it is idle again. */
    public void mark(KeyRow row, RowState state) {
        row.mark(state);
    }

    // ---- views ------------------------------------------------------------------------------------

    /** Every key, organisation keys first, then project keys in the order first listed; read-only. */
    public ObservableList<KeyRow> rows() {
        return readOnlyRows;
    }

    /** The organisation keys only; read-only. */
    public ObservableList<KeyRow> organisationRows() {
        return organisationRows;
    }

    public Optional<KeyRow> find(KeyRef ref) {
        return Optional.ofNullable(rowOf(ref));
    }

    /** The keys of one project (none until they are listed). */
    public Collection<KeyRow> keysOf(String projectId) {
        Map<KeyRef, KeyRow> keys = byOwner.get(projectId);
        return keys == null ? List.of() : Collections.unmodifiableCollection(keys.values());
    }

    /** Every key as last answered, with its project: what the leak finder and bulk plans match against. */
    public List<KeyEntry> entries() {
        List<KeyEntry> entries = new ArrayList<>(rows.size());
        rows.forEach(row -> entries.add(row.entry()));
        return entries;
    }

    /** A project's key figures, null until its keys have been listed; follows every change to them. */
    public ReadOnlyObjectProperty<KeySummary> summaryOf(String projectId) {
        return summaries.computeIfAbsent(projectId, id -> new ReadOnlyObjectWrapper<>(this, "summary")).getReadOnlyProperty();
    }

    /** Forgets everything, when the connection changes. */
    public void clear() {
        rows.removeEvery();
        nextSerial = 0;
        listedProjects = 0;
        byOwner.clear();
        owners.clear();
        summaries.values().forEach(summary -> summary.set(null));
        summaries.clear();
        revokedAt.clear();
        projectRemovedAt.clear();
    }

    // ---- inside ----------------------------------------------------------------------------------

    /**
     * The keys held, the projects' scaled from the projects whose keys are in to every project last listed; the
     * organisation keys as they are.
     */
    private long expectedKeys() {
        Map<KeyRef, KeyRow> organisation = byOwner.get(null);
        long organisationKeys = organisation == null ? 0 : organisation.size();
        long projectKeys = rows.held() - organisationKeys;
        int answered = byOwner.size() - (organisation == null ? 0 : 1);
        return organisationKeys + (answered == 0 ? 0 : projectKeys * Math.max(answered, listedProjects) / answered);
    }

    private Owner owner(String projectId, String name) {
        return owners.computeIfAbsent(projectId, id -> new Owner(id, name));
    }

    private void drop(String projectId, long askedAt) {
        Map<KeyRef, KeyRow> keys = byOwner.get(projectId);
        if (keys == null) {
            return;
        }
        Set<KeyRow> gone = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        keys.values().stream().filter(row -> row.changedAt <= askedAt).forEach(gone::add);
        forget(gone);
        if (keys.isEmpty()) {
            byOwner.remove(projectId);
            ReadOnlyObjectWrapper<KeySummary> summary = summaries.get(projectId);
            if (summary != null) {
                summary.set(null);
            }
        } else {
            summarise(projectId);
        }
    }

    private void forget(Set<KeyRow> gone) {
        if (gone.isEmpty()) {
            return;
        }
        for (KeyRow row : gone) {
            Map<KeyRef, KeyRow> keys = byOwner.get(row.projectId());
            if (keys != null) {
                keys.remove(row.ref());
            }
        }
        rows.removeEach(gone);
    }

    private void summarise(String projectId) {
        if (projectId == null) {
            return;
        }
        Map<KeyRef, KeyRow> keys = byOwner.get(projectId);
        List<ApiKey> shown = new ArrayList<>(keys == null ? 0 : keys.size());
        if (keys != null) {
            keys.values().forEach(row -> shown.add(row.key()));
        }
        KeySummary summary = KeySummary.of(shown);
        ReadOnlyObjectWrapper<KeySummary> property = summaries.computeIfAbsent(projectId,
                id -> new ReadOnlyObjectWrapper<>(this, "summary"));
        if (!summary.equals(property.get())) {
            property.set(summary);
        }
    }

    private KeyRow rowOf(KeyRef ref) {
        Map<KeyRef, KeyRow> keys = byOwner.get(ref.projectId());
        return keys == null ? null : keys.get(ref);
    }

    private static KeyRef refOf(String projectId, long keyId) {
        return projectId == null ? KeyRef.organisation(keyId) : KeyRef.project(projectId, keyId);
    }
}
