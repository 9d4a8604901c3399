package dev.keywarden.ui.keys;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.rotate.LifecycleDurations;
import dev.keywarden.core.rotate.RotationPlan;
import dev.keywarden.model.KeyLifetime;
import dev.keywarden.model.Rotation;
import dev.keywarden.ui.store.KeyRow;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * What the Rotate… dialog is filling in: the grace period (none, 1 h, 24 h, 7 d, or typed: "48h", "2w") and the new
 * lifetime (keep the expiry, N days, never), and from them the {@link Rotation} to send, the plan in sentences
 * ({@link RotationPlan#sentences()}) and why it cannot be sent ({@link RotationPlan#refusal()}, or the typed value's
 * problem). Worked out again on every change, and when the key itself changes.
 */
public final class RotateKeyModel {

    public enum Grace {
        NONE("None", Duration.ZERO), HOUR("1 h", Duration.ofHours(1)), DAY("24 h", Duration.ofHours(24)),
        WEEK("7 d", Duration.ofDays(7)), CUSTOM("Other", null);

        private final String label;
        private final Duration duration;

        Grace(String label, Duration duration) {
            this.label = label;
            this.duration = duration;
        }

        public String label() {
            return label;
        }
    }

    public enum Lifetime {
        KEEP("Keep the current expiry"), DAYS("Expires in (days)"), NEVER("Never expires");

        private final String label;

        Lifetime(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final KeyRow row;
    private final Clock clock;
    private final boolean connectionUsesIt;
    private final ObjectProperty<Grace> grace = new SimpleObjectProperty<>(this, "grace", Grace.DAY);
    private final StringProperty customGrace = new SimpleStringProperty(this, "customGrace", "48h");
    private final ObjectProperty<Lifetime> lifetime = new SimpleObjectProperty<>(this, "lifetime", Lifetime.KEEP);
    private final StringProperty days = new SimpleStringProperty(this, "days", "90");
    private final ReadOnlyObjectWrapper<Rotation> rotation = new ReadOnlyObjectWrapper<>(this, "rotation");
    private final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper(this, "plan", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    public RotateKeyModel(KeyRow row, Clock clock) {
        this(row, clock, false);
    }

    /** @param connectionUsesIt the key may be the one this connection uses: the plan says what that means */
    public RotateKeyModel(KeyRow row, Clock clock, boolean connectionUsesIt) {
        this.row = row;
        this.clock = clock;
        this.connectionUsesIt = connectionUsesIt;
        if (row.key().isExpiredAt(clock.instant())) {
            // An expired key takes no grace period and needs a new lifetime: start from what the server accepts.
            grace.set(Grace.NONE);
            lifetime.set(Lifetime.DAYS);
        }
        InvalidationListener update = observable -> update();
        grace.addListener(update);
        customGrace.addListener(update);
        lifetime.addListener(update);
        days.addListener(update);
        row.keyProperty().addListener(update);
        update();
    }

    /** Works out the rotation, the plan and the problem again (also as time passes: the dialog's plan says "until …"). */
    public void update() {
        Rotation asked;
        try {
            asked = rotationAsTyped();
        } catch (IllegalArgumentException e) {
            rotation.set(null);
            plan.set("");
            problem.set(e.getMessage());
            return;
        }
        RotationPlan rotationPlan = new RotationPlan(row.entry(), asked, clock.instant(), clock.getZone());
        String refusal = rotationPlan.refusal();
        java.util.List<String> sentences = new java.util.ArrayList<>(rotationPlan.sentences());
        if (connectionUsesIt) {
            sentences.add(rotationPlan.oldValueStops() == null
                    ? "This connection uses this key: it stops working at once, until you give it the new value (Keywarden offers to)."
                    : "This connection uses this key: Keywarden offers to save the new value in it; until then it uses the old one.");
        }
        plan.set(String.join("\n", sentences.stream().map(sentence -> "\u2022 " + sentence).toList()));
        problem.set(refusal);
        rotation.set(refusal == null ? asked : null);
    }

    private Rotation rotationAsTyped() {
        Grace chosen = grace.get() == null ? Grace.NONE : grace.get();
        Duration graceTime = chosen == Grace.CUSTOM ? LifecycleDurations.grace(customGrace.get()) : chosen.duration;
        Rotation asked = Rotation.withGrace(graceTime);
        return switch (lifetime.get() == null ? Lifetime.KEEP : lifetime.get()) {
            case KEEP -> asked;
            case NEVER -> asked.withLifetime(KeyLifetime.NEVER);
            case DAYS -> asked.withLifetime(KeyLifetime.days(LifecycleDurations.lifetimeDays(days.get())));
        };
    }

    public KeyRow row() {
        return row;
    }

    public KeyEntry entry() {
        return row.entry();
    }

    public ObjectProperty<Grace> graceProperty() {
        return grace;
    }

    /** The grace typed when {@link Grace#CUSTOM} is chosen: "48h", "3d", "2w". */
    public StringProperty customGraceProperty() {
        return customGrace;
    }

    public ObjectProperty<Lifetime> lifetimeProperty() {
        return lifetime;
    }

    /** The lifetime in days when {@link Lifetime#DAYS} is chosen. */
    public StringProperty daysProperty() {
        return days;
    }

    /** The rotation to send; null while the input is not valid or the server would refuse it. */
    public ReadOnlyObjectProperty<Rotation> rotationProperty() {
        return rotation.getReadOnlyProperty();
    }

    public Rotation rotation() {
        return rotation.get();
    }

    /** What the rotation will do, one sentence a line. */
    public ReadOnlyStringProperty planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** Why it cannot be sent as it is, in plain words; null when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
