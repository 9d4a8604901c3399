package dev.keywarden.ui.connection;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.KeyWarning;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.PlainWords;
import dev.keywarden.core.TimeText;
import dev.keywarden.core.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.ZoneId;
import java.util.concurrent.Executor;

/**
 * Whether the open connection's server offers the v2 key lifecycle (expiry and rotation), asked once per
 * connection in the background (the gateway keeps the answer, so the organisation load's own question costs
 * nothing more), and what the latest answer said about the connection's own key while it is the outgoing value
 * of a rotation ({@link KeyWarning}: {@code Sunset}). Until the server has answered, {@link #offeredProperty()}
 * is null: the v2 controls stay hidden, and nothing says they are missing either (never show a guess).
 */
public final class KeyLifecycleSupport {
    public static final String PROBE_TAG = "keyLifecycle.probe";
    /** The one line shown where the v2 controls would be, on a server without them. */
    public static final String ABSENT = "This server does not offer key expiry or rotation (v2): the Expires and Rotation "
            + "columns, their filters and Rotate\u2026 are hidden; everything else works as before.";

    private final ConnectionSession session;
    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<Boolean> offered = new ReadOnlyObjectWrapper<>(this, "offered");
    private final ReadOnlyObjectWrapper<KeyWarning> warning = new ReadOnlyObjectWrapper<>(this, "warning");
    private final BooleanBinding isOffered = Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(offered.get()), offered);
    private final BooleanBinding isAbsent = Bindings.createBooleanBinding(() -> Boolean.FALSE.equals(offered.get()), offered);
    private volatile Executor fx = Runnable::run;

    KeyLifecycleSupport(ConnectionSession session, TaskRunner runner) {
        this.session = session;
        this.runner = runner;
    }

    /** Where key warnings, heard on a call's own thread, are handed over (the FX thread in the window). */
    public void deliverWarningsOn(Executor fx) {
        this.fx = fx;
    }

    /** The connection changed: forget what the previous server offered and ask the new one. */
    void switched(ConfidentApi api) {
        offered.set(null);
        warning.set(null);
        if (api == null) {
            return;
        }
        Generation.Token connection = session.token();
        api.addKeyWarningListener(heard -> fx.execute(() -> {
            if (connection.isCurrent()) {
                warning.set(heard);
            }
        }));
        ask(api, connection);
    }

    private void ask(ConfidentApi api, Generation.Token connection) {
        BackgroundCall.of("Asking whether the server offers key expiry and rotation", () -> api.keyLifecycle().isPresent())
                .tag(PROBE_TAG)
                .onSuccess(present -> {
                    if (connection.isCurrent()) {
                        offered.set(present);
                    }
                })
                // Not known (the server could not be reached): the controls stay hidden; the next connection asks again.
                .onFailure(error -> { })
                .runWith(runner);
    }

    /** Asks again when not yet known (e.g. the first question found the server unreachable). */
    public void askAgainIfUnknown() {
        ConfidentApi api = session.api();
        if (api != null && offered.get() == null) {
            ask(api, session.token());
        }
    }

    /**
     * The latest answer's warning is read again (no call): it goes away once an answer carries none, e.g. after the
     * saved connection was moved to the new value.
     */
    public void refreshWarning() {
        ConfidentApi api = session.api();
        KeyWarning latest = api == null ? null : api.keyWarning().orElse(null);
        if (latest == null ? warning.get() != null : !latest.equals(warning.get())) {
            warning.set(latest);
        }
    }

    /** "⚠ This connection's key is the old value of a rotation and stops at 2026-03-02 10:00 (server: …): edit the connection …" */
    public static String warningText(KeyWarning warning) {
        String when = warning.sunset() == null ? "soon" : "at " + TimeText.date(warning.sunset(), ZoneId.systemDefault());
        String server = warning.message() == null ? "" : " (server: " + PlainWords.shown(warning.message()) + ")";
        return "\u26a0 This connection's key is the old value of a rotation and stops " + when + server
                + ": edit the connection to use the new value.";
    }

    /** True when the server offers v2, false when it does not, null while not known. */
    public ReadOnlyObjectProperty<Boolean> offeredProperty() {
        return offered.getReadOnlyProperty();
    }

    public boolean isOffered() {
        return isOffered.get();
    }

    /** True only once the server said it offers v2: what the v2 columns and Rotate… follow. */
    public BooleanBinding offered() {
        return isOffered;
    }

    /** True only once the server said it does not offer v2: what the one line saying so follows. */
    public BooleanBinding absent() {
        return isAbsent;
    }

    /** What the latest answer said about the connection's own key (its outgoing value's sunset), or null. */
    public ReadOnlyObjectProperty<KeyWarning> warningProperty() {
        return warning.getReadOnlyProperty();
    }
}
