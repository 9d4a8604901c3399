package dev.keywarden.ui.orgkeys;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.keys.KeyCalls;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.common.Problems;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.keys.ConnectionKey;
import dev.keywarden.ui.keys.KeyInUse;
import dev.keywarden.ui.projects.ProjectsModel;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.KeyStore;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The organisation's own API keys (the admin keys that authenticate every management call): a view of the
 * {@link KeyStore}, which the load of the organisation fills; {@link #reload()} lists them again. Which of
 * them the open connection uses comes from {@link ConnectionKey}.
 */
public final class OrgKeysModel {
    public static final String LOAD_TAG = "organisation.keys";

    private final TaskRunner runner;
    private final ConnectionSession session;
    private final ProblemReport problems;
    private final KeyStore store;
    private final ConnectionKey connectionKey;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadProblem = new ReadOnlyStringWrapper(this, "loadProblem");
    private final Generation loads = new Generation();

    public OrgKeysModel(TaskRunner runner, ConnectionSession session, ProjectsModel projects, ProblemReport problems,
                        ConnectionKey connectionKey) {
        this.runner = runner;
        this.session = session;
        this.problems = problems;
        this.store = projects.store();
        this.connectionKey = connectionKey;
        session.apiProperty().addListener((obs, before, now) -> clear());
        projects.onOrganizationKeys(keys -> loadProblem.set(null), this::failedWithTheOrganisation);
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
        long askedAt = store.stamp();
        loading.set(true);
        BackgroundCall.of("Loading organisation keys", () -> KeyCalls.of(api).organisationKeys())
                .tag(LOAD_TAG)
                .onSuccess(keys -> {
                    if (load.isCurrent() && connection.isCurrent()) {
                        session.heard(connection, null);
                        loadProblem.set(null);
                        store.organisationKeysListed(keys, askedAt);
                    }
                })
                .onFailure(error -> {
                    if (load.isCurrent() && connection.isCurrent()) {
                        session.heard(connection, error);
                        failedWithTheOrganisation(error instanceof Exception e ? e : new IllegalStateException(error));
                    }
                })
                .onFinally(() -> {
                    if (load.isCurrent()) {
                        loading.set(false);
                    }
                })
                .runWith(runner);
    }

    private void clear() {
        loads.invalidate();
        loading.set(false);
        loadProblem.set(null);
    }

    /** The organisation keys; read-only. */
    public ObservableList<KeyRow> rows() {
        return store.organisationRows();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last load failed, in plain words, until a load succeeds; else null. */
    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KeyInUse> keyInUseProperty() {
        return connectionKey.keyInUseProperty();
    }

    public KeyInUse keyInUse() {
        return connectionKey.keyInUse();
    }
}
