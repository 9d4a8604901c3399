package dev.keywarden.ui.connection;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.UnauthorizedException;
import dev.keywarden.common.DaemonThreads;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.model.Organization;
import dev.keywarden.ui.common.ChangesInFlight;
import dev.keywarden.ui.common.Problems;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
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
    private final Map<ConfidentApi, Integer> holds = new HashMap<>();
    private final ChangesInFlight changesInFlight = new ChangesInFlight();
    private final KeyLifecycleSupport keyLifecycle;
    private String keySuffix;
    private Duration deadline = ConnectionConfig.DEFAULT_DEADLINE;
    private boolean lockedOut;

    public ConnectionSession(TaskRunner runner) {
        this.runner = runner;
        this.keyLifecycle = new KeyLifecycleSupport(this, runner);
    }

    /** Whether this connection's server offers key expiry and rotation (v2), and its warnings about the connection's key. */
    public KeyLifecycleSupport keyLifecycle() {
        return keyLifecycle;
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
        switchTo(newApi, orgKeySuffix, ConnectionConfig.DEFAULT_DEADLINE);
    }

    /** As {@link #switchTo(ConfidentApi, String)}, with the connection's deadline for one call. */
    public void switchTo(ConfidentApi newApi, String orgKeySuffix, Duration callDeadline) {
        generation.invalidate();
        keySuffix = newApi == null ? null : orgKeySuffix;
        deadline = callDeadline == null ? ConnectionConfig.DEFAULT_DEADLINE : callDeadline;
        lockedOut = false;
        ConfidentApi old = api.get();
        // Listeners of the gateway learn of the switch with the new deadline and key already known.
        api.set(newApi);
        organization.set(null);
        problem.set(null);
        state.set(newApi == null ? State.DISCONNECTED : State.CONNECTING);
        keyLifecycle.switched(newApi);
        if (old != null && old != newApi && !holds.containsKey(old)) {
            closeInBackground(old);
        }
    }

    /** The longest one call on this connection may take, retries included. */
    public Duration deadline() {
        return deadline;
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
        lockedOut = false;
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
            lockedOut = false;
            if (state.get() == State.FAILED && organization.get() != null) {
                state.set(State.CONNECTED);
                problem.set(null);
            }
        } else if (ConnectionTrouble.isTrouble(error)) {
            troubled(Problems.situation(error), error);
        }
    }

    /** The organisation could not be loaded while the connection was not (or no longer) known to work. */
    public void couldNotLoad(Throwable error) {
        troubled(Problems.inPlainWords(error), error);
    }

    private void troubled(String why, Throwable error) {
        if (lockedOut) {
            // The lock-out says why the calls fail and what to do; a bare 401 would say less.
            state.set(State.FAILED);
        } else if (Problems.cause(error) instanceof UnauthorizedException) {
            failed(Problems.situation(error) + " Use Edit connection\u2026 to give another organisation key.");
        } else {
            failed(why);
        }
    }

    /** The last six characters of the open connection's organisation key, or null when not known. */
    public String keySuffix() {
        return keySuffix;
    }

    /** The connection's own key was deactivated or revoked: say so until the connection is edited or changed. */
    public void lockedOut(String why) {
        lockedOut = true;
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
        Runnable released = hold(target);
        Runnable ended = changesInFlight.begin();
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
                    released.run();
                    ended.run();
                })
                .runWith(runner);
        return outcome;
    }

    /**
     * Keeps this gateway open until the returned action runs (once), also after the admin moved to another
     * connection: for the read after a lost answer, or once the deadline has passed, whose answer settles a
     * change already sent. Take it while the gateway is open or held.
     */
    public Runnable keepOpen(ConfidentApi target) {
        return target == null ? () -> { } : hold(target);
    }

    private Runnable hold(ConfidentApi target) {
        holds.merge(target, 1, Integer::sum);
        boolean[] released = new boolean[1];
        return () -> {
            if (released[0]) {
                return;
            }
            released[0] = true;
            if (holds.merge(target, -1, Integer::sum) <= 0) {
                holds.remove(target);
                if (target != api.get()) {
                    closeInBackground(target);
                }
            }
        };
    }

    /** Changes sent and not yet ended (their audit entries included): what closing the window waits for. */
    public ChangesInFlight changesInFlight() {
        return changesInFlight;
    }

    /** Drops the connection when the window closes; its gateway closes once the last change on it has ended. */
    public void shutdown() {
        generation.invalidate();
        ConfidentApi current = api.get();
        api.set(null);
        if (current != null && !holds.containsKey(current)) {
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
