package dev.keywarden.ui.connection;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.common.DaemonThreads;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.model.Organization;
import dev.keywarden.ui.common.Problems;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The open connection: its gateway, the organisation it answered with, and its state. Everything
 * shown for a connection carries a token of {@link #generation()}, so an answer for a connection the
 * admin has left is dropped. Changes sent on a connection are never cancelled by leaving it: a
 * connection is closed only once its last change has answered.
 */
public final class ConnectionSession {

    public enum State { DISCONNECTED, CONNECTING, CONNECTED, FAILED }

    private final TaskRunner runner;
    private final Generation generation = new Generation();
    private final ReadOnlyObjectWrapper<ConfidentApi> api = new ReadOnlyObjectWrapper<>(this, "api");
    private final ReadOnlyObjectWrapper<Organization> organization = new ReadOnlyObjectWrapper<>(this, "organization");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.DISCONNECTED);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final Map<ConfidentApi, Integer> changesInFlight = new HashMap<>();
    private String keySuffix;

    public ConnectionSession(TaskRunner runner) {
        this.runner = runner;
    }

    /** Drops everything of the previous connection and starts on {@code newApi} (null: none). */
    public void switchTo(ConfidentApi newApi) {
        switchTo(newApi, null);
    }

    /**
     * As {@link #switchTo(ConfidentApi)}, knowing the last six characters of the organisation key the
     * connection uses, so the organisation keys view can tell which key that is (never the key itself).
     */
    public void switchTo(ConfidentApi newApi, String orgKeySuffix) {
        generation.invalidate();
        keySuffix = newApi == null ? null : orgKeySuffix;
        ConfidentApi old = api.get();
        api.set(newApi);
        organization.set(null);
        problem.set(null);
        state.set(newApi == null ? State.DISCONNECTED : State.CONNECTING);
        if (old != null && old != newApi && !changesInFlight.containsKey(old)) {
            closeInBackground(old);
        }
    }

    /** A connection is being opened (its key read, its gateway built); nothing is shown for it yet. */
    public void opening() {
        switchTo(null);
        state.set(State.CONNECTING);
    }

    public void connected(Organization org) {
        organization.set(org);
        state.set(State.CONNECTED);
        problem.set(null);
    }

    public void failed(String why) {
        state.set(State.FAILED);
        problem.set(why);
    }

    /**
     * Every call's outcome moves the connection state: a failure that says the server cannot be used
     * (unreachable, no answer in time, the key refused, the server failing) marks the connection failed
     * in plain words; the next success marks it connected again. Refusals of one request (404, 409, 400)
     * say nothing about the connection.
     */
    public void heard(Generation.Token connection, Throwable error) {
        if (!connection.isCurrent() || api.get() == null) {
            return;
        }
        if (error == null) {
            if (state.get() == State.FAILED && organization.get() != null) {
                state.set(State.CONNECTED);
                problem.set(null);
            }
        } else if (ConnectionTrouble.isTrouble(error)) {
            failed(Problems.situation(error));
        }
    }

    /** The last six characters of the open connection's organisation key, or null when not known. */
    public String keySuffix() {
        return keySuffix;
    }

    /** The connection's own key was deactivated or revoked: say so until the connection is edited or changed. */
    public void lockedOut(String why) {
        failed(why);
    }

    /** Renames the organisation; the header shows the server's answer. */
    public CompletionStage<Organization> renameOrganization(String name) {
        ConfidentApi target = api.get();
        Generation.Token connection = token();
        return change(BackgroundCall.of("Renaming the organisation", () -> target.renameOrganization(name))
                .tag("organisation.rename"))
                .thenApply(renamed -> {
                    if (connection.isCurrent()) {
                        organization.set(renamed);
                    }
                    return renamed;
                });
    }

    /** A token that stays current while this connection stays open. */
    public Generation.Token token() {
        return generation.current();
    }

    Generation generation() {
        return generation;
    }

    /**
     * Sends a change on the open connection. It is never cancelled by a switch of connection, and
     * its outcome always reaches the caller (a dialog must close; a new key's raw value must be
     * shown once), on the runner's callback thread.
     */
    public <T> CompletionStage<T> change(BackgroundCall<T> call) {
        ConfidentApi target = api.get();
        CompletableFuture<T> outcome = new CompletableFuture<>();
        if (target == null) {
            outcome.completeExceptionally(new IllegalStateException("Not connected."));
            return outcome;
        }
        changesInFlight.merge(target, 1, Integer::sum);
        Generation.Token connection = token();
        call.mutation()
                .onSuccess(answer -> {
                    heard(connection, null);
                    outcome.complete(answer);
                })
                .onFailure(error -> {
                    heard(connection, error);
                    outcome.completeExceptionally(error);
                })
                .onFinally(() -> {
                    if (changesInFlight.merge(target, -1, Integer::sum) <= 0) {
                        changesInFlight.remove(target);
                        if (target != api.get()) {
                            closeInBackground(target);
                        }
                    }
                })
                .runWith(runner);
        return outcome;
    }

    /** Stops everything and closes the connection, when the window closes. */
    public void shutdown() {
        generation.invalidate();
        ConfidentApi current = api.get();
        api.set(null);
        if (current != null) {
            closeInBackground(current);
        }
    }

    /** Closing may talk to the network (TLS close), so it happens off the FX thread. */
    private static void closeInBackground(ConfidentApi old) {
        new DaemonThreads("keywarden-close").newThread(() -> {
            try {
                old.close();
            } catch (RuntimeException ignored) {
                // Closing only frees the old connection's threads; nothing the user can act on.
            }
        }).start();
    }

    public ConfidentApi api() {
        return api.get();
    }

    public ReadOnlyObjectProperty<ConfidentApi> apiProperty() {
        return api.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Organization> organizationProperty() {
        return organization.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
