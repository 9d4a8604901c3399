package dev.keywarden.ui.leak;

import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.core.keys.KeyScope;
import dev.keywarden.core.leak.Candidate;
import dev.keywarden.core.leak.LeakFinder;
import dev.keywarden.core.leak.LeakMatch;
import dev.keywarden.ui.allkeys.AllKeysModel;
import dev.keywarden.ui.bulk.BulkActions;
import dev.keywarden.ui.bulk.BulkModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The leak finder: candidates are taken from the pasted text here, on this machine, and matched
 * against every key of the organisation (loaded first when they are not). The text is never sent,
 * logged or saved; {@link #clear()} forgets it (the dialog calls it when it closes). A candidate that
 * matches exactly one key has that key selected; when one suffix matches several keys none is.
 */
public final class LeakFinderModel {
    private final AllKeysModel allKeys;
    private final BulkActions bulk;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty marked = new SimpleStringProperty(this, "marked", "");
    private final ObservableList<LeakMatch> matches = FXCollections.observableArrayList();
    // One read-only wrapper each, kept here: a wrapper made per call listens to the list only weakly, so a
    // listener added to it stops hearing once the wrapper is collected (the match list stayed blank).
    private final ObservableList<LeakMatch> readOnlyMatches = FXCollections.unmodifiableObservableList(matches);
    private final ObservableSet<KeyRef> selected = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<KeyRef> readOnlySelected = FXCollections.unmodifiableObservableSet(selected);
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(this, "waiting");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ChangeListener<Boolean> whenLoaded = (obs, before, loaded) -> {
        if (loaded) {
            matchNow();
        }
    };
    private final ChangeListener<Boolean> whenLoadEnds = (obs, before, loading) -> loadEnded(loading);

    public LeakFinderModel(AllKeysModel allKeys, BulkActions bulk) {
        this.allKeys = allKeys;
        this.bulk = bulk;
    }

    /** Finds the candidates in the text and matches them, loading every key first if needed. */
    public void find() {
        matches.clear();
        selected.clear();
        List<String> tokens;
        try {
            tokens = markedTokens();
            LeakFinder.extract(text.get(), tokens);
        } catch (IllegalArgumentException tooShort) {
            summary.set(tooShort.getMessage());
            return;
        }
        if (LeakFinder.extract(text.get(), tokens).isEmpty()) {
            summary.set("No key found in this text. Keywarden looks for Confident keys (confident_, a region, proj_, org_ or "
                    + "global_, then 32 to 64 characters of base64 or hex) and masked values (stars and the last 6 characters).");
            return;
        }
        if (allKeys.loadedProperty().get()) {
            matchNow();
            return;
        }
        waiting.set(true);
        summary.set("Loading every key of the organisation to match against\u2026");
        allKeys.loadedProperty().addListener(whenLoaded);
        allKeys.loadingProperty().addListener(whenLoadEnds);
        allKeys.loadIfNeeded();
    }

    private void loadEnded(boolean loading) {
        if (!loading && waiting.get() && !allKeys.loadedProperty().get()) {
            stopWaiting();
            summary.set("The keys of the organisation could not be loaded, so nothing was matched: " + problemOrRetry());
        }
    }

    /** The tokens the admin marked as keys, separated by spaces or commas. */
    private List<String> markedTokens() {
        String value = marked.get() == null ? "" : marked.get().strip();
        return value.isEmpty() ? List.of() : List.of(value.split("[\\s,]+"));
    }

    private String problemOrRetry() {
        String problem = allKeys.problemProperty().get();
        return problem == null ? "try again." : problem;
    }

    private void matchNow() {
        stopWaiting();
        List<LeakMatch> found = LeakFinder.find(text.get(), markedTokens(), allKeys.entries());
        found.stream().filter(match -> match.verdict() == LeakMatch.Verdict.ONE_MATCH)
                .forEach(match -> selected.add(match.matches().get(0).ref()));
        matches.setAll(found);
        long none = found.stream().filter(match -> match.verdict() == LeakMatch.Verdict.NO_MATCH).count();
        long several = found.stream().filter(match -> match.verdict() == LeakMatch.Verdict.SEVERAL_MATCHES).count();
        long global = found.stream().filter(match -> match.verdict() == LeakMatch.Verdict.GLOBAL_KEY).count();
        StringBuilder line = new StringBuilder(found.size() + (found.size() == 1 ? " possible key found" : " possible keys found"));
        line.append(": ").append(found.size() - none - several - global).append(" matched one key");
        if (several > 0) {
            line.append(", ").append(several).append(" matched several (choose which)");
        }
        if (none > 0) {
            line.append(", ").append(none).append(" matched no key of this organisation");
        }
        if (global > 0) {
            line.append(", ").append(global).append(global == 1 ? " is a global key" : " are global keys")
                    .append(" (switch off in the web UI: ").append(KeyScope.GLOBAL_KEYS_PLACE).append(")");
        }
        if (!allKeys.failedProjects().isEmpty()) {
            line.append(". The keys of ").append(allKeys.failedProjects().size())
                    .append(" projects could not be loaded, so a key of theirs would not be found");
        }
        summary.set(line.append('.').toString());
    }

    private void stopWaiting() {
        waiting.set(false);
        allKeys.loadedProperty().removeListener(whenLoaded);
        allKeys.loadingProperty().removeListener(whenLoadEnds);
    }

    public void select(KeyEntry key, boolean chosen) {
        if (chosen) {
            selected.add(key.ref());
        } else {
            selected.remove(key.ref());
        }
    }

    /** The selected matches, in the order they are listed. */
    public List<KeyEntry> selectedKeys() {
        Set<KeyRef> seen = new LinkedHashSet<>();
        return matches.stream().flatMap(match -> match.matches().stream())
                .filter(key -> selected.contains(key.ref()) && seen.add(key.ref())).toList();
    }

    /** Opens the plan to deactivate the selected matches, once they are read again. */
    public CompletionStage<BulkModel> deactivateSelected() {
        return deactivateSelected(null);
    }

    /** As {@link #deactivateSelected()}, the plan shown over this window. */
    public CompletionStage<BulkModel> deactivateSelected(javafx.stage.Window over) {
        return bulk.plan(KeyAction.DEACTIVATE, selectedKeys(), over);
    }

    /** The raw key behind a candidate, for Check a key only; empty for a masked value. */
    public Optional<String> rawValueOf(Candidate candidate) {
        return LeakFinder.rawValueOf(text.get(), candidate);
    }

    /** Forgets the text and what was found in it. */
    public void clear() {
        stopWaiting();
        text.set("");
        marked.set("");
        matches.clear();
        selected.clear();
        summary.set("");
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Tokens to treat as keys although they do not look like one (their last 6 characters are compared). */
    public StringProperty markedProperty() {
        return marked;
    }

    public ObservableList<LeakMatch> matches() {
        return readOnlyMatches;
    }

    public ObservableSet<KeyRef> selected() {
        return readOnlySelected;
    }

    /** True while every key is being loaded before matching. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** What was found, in one sentence. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
