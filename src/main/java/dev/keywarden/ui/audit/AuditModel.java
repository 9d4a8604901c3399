package dev.keywarden.ui.audit;

import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditFilter;
import dev.keywarden.core.audit.AuditLog;
import dev.keywarden.core.audit.AuditOutcome;
import dev.keywarden.core.audit.AuditTrail;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.model.Names;
import dev.keywarden.ui.common.Problems;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The audit trail as the Audit tab lists it, newest first by time, read off the FX thread and filtered
 * by time, action and outcome; with how many lines could not be read and what the hash chain of the
 * whole file shows.
 */
public final class AuditModel {
    public static final String READ_TAG = "audit.read";

    /** How far back to list. */
    public enum Since {
        ALL("All time", null), HOUR("Last hour", Duration.ofHours(1)), DAY("Last 24 hours", Duration.ofDays(1)),
        WEEK("Last 7 days", Duration.ofDays(7));

        private final String label;
        private final Duration back;

        Since(String label, Duration back) {
            this.label = label;
            this.back = back;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Supplier<Optional<AuditTrail>> trail;
    private final TaskRunner runner;
    private final Clock clock;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<Since> since = new SimpleObjectProperty<>(this, "since", Since.ALL);
    private final ObjectProperty<KeyAction> action = new SimpleObjectProperty<>(this, "action");
    private final ObjectProperty<AuditOutcome> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper chain = new ReadOnlyStringWrapper(this, "chain", "");
    private Function<String, Optional<String>> projectNames = id -> Optional.empty();
    private final ReadOnlyBooleanWrapper chainBroken = new ReadOnlyBooleanWrapper(this, "chainBroken");
    private final Generation reads = new Generation();

    /** @param trail the trail the console records into, or empty when it keeps none */
    public AuditModel(Supplier<Optional<AuditTrail>> trail, TaskRunner runner, Clock clock) {
        this.trail = trail;
        this.runner = runner;
        this.clock = clock;
        since.addListener((obs, before, now) -> reload());
        action.addListener((obs, before, now) -> reload());
        outcome.addListener((obs, before, now) -> reload());
    }

    /** The filter as chosen now. */
    public AuditFilter filter() {
        Since choice = since.get() == null ? Since.ALL : since.get();
        return new AuditFilter(choice.back == null ? null : clock.instant().minus(choice.back),
                action.get() == null ? Set.of() : Set.of(action.get()), outcome.get() == null ? Set.of() : Set.of(outcome.get()));
    }

    public void reload() {
        AuditTrail trail = this.trail.get().orElse(null);
        if (trail == null) {
            status.set("No audit trail is kept in this window.");
            return;
        }
        Generation.Token read = reads.next();
        AuditFilter filter = filter();
        BackgroundCall.of("Reading the audit trail", () -> trail.read(filter))
                .tag(READ_TAG)
                .onSuccess(log -> {
                    if (read.isCurrent()) {
                        show(log, trail);
                    }
                })
                .onFailure(error -> {
                    if (read.isCurrent()) {
                        status.set(Problems.inPlainWords(error));
                        chain.set("");
                        chainBroken.set(false);
                    }
                })
                .runWith(runner);
    }

    private void show(AuditLog log, AuditTrail trail) {
        List<AuditEntry> newestFirst = new ArrayList<>(log.entries());
        java.util.Collections.reverse(newestFirst);
        entries.setAll(newestFirst);
        int skipped = log.skippedLines();
        status.set(newestFirst.size() + (newestFirst.size() == 1 ? " change" : " changes") + " in " + trail.file() + "."
                + (skipped == 0 ? "" : " " + skipped + (skipped == 1 ? " line" : " lines") + " could not be read (torn by a full disk or"
                + " a crash, not UTF-8, or not an entry) and " + (skipped == 1 ? "is" : "are") + " left out."));
        chain.set(log.chain().verdict());
        chainBroken.set(!log.chain().intact());
    }

    /** Where the names of projects come from (the open organisation's); an entry of a project not known shows its id. */
    public void nameProjectsWith(Function<String, Optional<String>> names) {
        this.projectNames = names;
    }

    /** The entry's project as the admin knows it: its name, else its id (a deleted project), else nothing. */
    public String projectLabel(AuditEntry entry) {
        String id = entry.projectId();
        if (id == null || id.isBlank()) {
            return "";
        }
        return projectNames.apply(id).filter(name -> !name.isBlank()).map(Names::visible).orElse(id);
    }

    /** The project names of these entries, for a CSV written off the FX thread (id to name; unknown ones absent). */
    public Map<String, String> projectNamesOf(List<AuditEntry> shown) {
        Map<String, String> names = new HashMap<>();
        for (AuditEntry entry : shown) {
            String id = entry.projectId();
            if (id != null && !names.containsKey(id)) {
                projectNames.apply(id).filter(name -> !name.isBlank()).ifPresent(name -> names.put(id, name));
            }
        }
        return names;
    }

    public ObservableList<AuditEntry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    public ObjectProperty<Since> sinceProperty() {
        return since;
    }

    /** One action, or null for any. */
    public ObjectProperty<KeyAction> actionProperty() {
        return action;
    }

    /** One outcome, or null for any. */
    public ObjectProperty<AuditOutcome> outcomeProperty() {
        return outcome;
    }

    /** How many are listed and from which file, how many lines could not be read, or why nothing could be read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the hash chain of the whole file shows: intact, or where it breaks; empty until read. */
    public ReadOnlyStringProperty chainProperty() {
        return chain.getReadOnlyProperty();
    }

    /** True when the chain shows lines changed, removed, added or moved after they were written. */
    public ReadOnlyBooleanProperty chainBrokenProperty() {
        return chainBroken.getReadOnlyProperty();
    }
}
