package dev.keywarden.ui.keys;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.common.Problems;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.projects.ProjectsModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The organisation's own API keys (the admin keys that authenticate every management call), as the
 * server last listed them, and which of them the open connection uses: the row whose masked value ends
 * with the last six characters of the connection's key. When several rows end the same way, none is
 * marked, and {@link #keyInUseProperty()} says so.
 */
public final class OrgKeysModel {
    public static final String LOAD_TAG = "organisation.keys";

    /** Which row the open connection's key is, as far as six characters can tell. */
    public record KeyInUse(String suffix, KeyRow row, int matches) {
        public boolean isAmbiguous() {
            return matches > 1;
        }

        /** Whether changing this row may lock the connection out (also when several rows share the suffix). */
        public boolean mayBe(KeyRow candidate) {
            return suffix != null && candidate.key().suffix().equals(suffix);
        }
    }

    private final TaskRunner runner;
    private final ConnectionSession session;
    private final ProblemReport problems;
    private final ObservableList<KeyRow> rows = FXCollections.observableArrayList(KeyRow::observables);
    private final ObservableList<KeyRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadProblem = new ReadOnlyStringWrapper(this, "loadProblem");
    private final ReadOnlyObjectWrapper<KeyInUse> keyInUse = new ReadOnlyObjectWrapper<>(this, "keyInUse",
            new KeyInUse(null, null, 0));
    private final Generation loads = new Generation();
    /** Counts changes that landed; a list asked for before the latest one may be stale. */
    private long changes;
    private long shownAtChange;

    public OrgKeysModel(TaskRunner runner, ConnectionSession session, ProjectsModel projects, ProblemReport problems) {
        this.runner = runner;
        this.session = session;
        this.problems = problems;
        session.apiProperty().addListener((obs, before, now) -> clear());
        projects.onOrganizationKeys(this::loadedWithTheOrganisation, this::failedWithTheOrganisation);
    }

    /** The list a refresh of the whole organisation read; one a change may have overtaken is asked for again. */
    private void loadedWithTheOrganisation(List<ApiKey> keys) {
        if (changes != shownAtChange) {
            reload();
        } else {
            loadProblem.set(null);
            show(keys);
        }
    }

    private void failedWithTheOrganisation(Exception error) {
        loadProblem.set("Could not load the organisation keys: " + Problems.inPlainWords(error));
        problems.report("Could not load the organisation keys", error);
    }

    /** Lists the organisation keys again; an answer for a connection left, or overtaken by a later load, is dropped. */
    public void reload() {
        ConfidentApi api = session.api();
        if (api == null) {
            return;
        }
        Generation.Token load = loads.next();
        Generation.Token connection = session.token();
        long askedAt = changes;
        loading.set(true);
        BackgroundCall.of("Loading organisation keys", api::listOrganizationApiKeys)
                .tag(LOAD_TAG)
                .onSuccess(keys -> {
                    if (load.isCurrent() && connection.isCurrent()) {
                        session.heard(connection, null);
                        if (changes != askedAt) {
                            // A change landed after this list was asked for: it may not show it, so ask again.
                            reload();
                            return;
                        }
                        loadProblem.set(null);
                        show(keys);
                    }
                })
                .onFailure(error -> {
                    if (load.isCurrent() && connection.isCurrent()) {
                        session.heard(connection, error);
                        loadProblem.set("Could not load the organisation keys: " + Problems.inPlainWords(error));
                        problems.report("Could not load the organisation keys", error);
                    }
                })
                .onFinally(() -> {
                    if (load.isCurrent()) {
                        loading.set(false);
                    }
                })
                .runWith(runner);
    }

    private void show(List<ApiKey> keys) {
        KeyRows.merge(rows, null, keys);
        shownAtChange = changes;
        markKeyInUse();
    }

    /** A change the server answered for one key (toggled or created). */
    void landed(ApiKey answer) {
        changes++;
        rows.stream().filter(row -> row.id() == answer.id()).findFirst()
                .ifPresentOrElse(row -> row.show(answer), () -> rows.add(new KeyRow(null, answer)));
        markKeyInUse();
    }

    void removed(KeyRow row) {
        changes++;
        rows.removeIf(shown -> shown.sameKey(row));
        markKeyInUse();
    }

    private void markKeyInUse() {
        String suffix = session.keySuffix();
        List<KeyRow> matching = suffix == null ? List.of()
                : rows.stream().filter(row -> row.key().suffix().equals(suffix)).toList();
        keyInUse.set(new KeyInUse(suffix, matching.size() == 1 ? matching.get(0) : null, matching.size()));
    }

    private void clear() {
        loads.invalidate();
        loading.set(false);
        loadProblem.set(null);
        rows.clear();
        markKeyInUse();
    }

    public ObservableList<KeyRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last load failed, in plain words, until a load succeeds; else null. */
    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KeyInUse> keyInUseProperty() {
        return keyInUse.getReadOnlyProperty();
    }

    public KeyInUse keyInUse() {
        return keyInUse.get();
    }
}
