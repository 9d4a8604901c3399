package dev.keywarden.ui.allkeys;

import dev.keywarden.core.keys.Staleness;
import dev.keywarden.core.rotate.LifecycleText;
import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.store.KeyRow;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The all-keys table's filters: text (project, name, masked value or its last 6 characters, key id),
 * status, staleness, and the v2 lifecycle (expired, expiring within 14 days, rotation pending), each with the
 * number of keys it would show.
 */
public final class AllKeysFilter {

    public enum Status {
        ALL("All statuses"), ACTIVE("Active"), DEACTIVATED("Deactivated");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean test(ApiKey key) {
            return this == ALL || key.valid() == (this == ACTIVE);
        }
    }

    /** Any use, never used, or unused for more than one of the thresholds (days; 0 for the first two). */
    public record Stale(Kind kind, int days) {
        public enum Kind { ANY, NEVER_USED, UNUSED }

        public static final Stale ANY = new Stale(Kind.ANY, 0);
        public static final Stale NEVER_USED = new Stale(Kind.NEVER_USED, 0);

        public static Stale unusedForMoreThan(int days) {
            return new Stale(Kind.UNUSED, days);
        }

        public String label() {
            return switch (kind) {
                case ANY -> "Any last use";
                case NEVER_USED -> "Never used";
                case UNUSED -> "Unused > " + days + " days";
            };
        }

        boolean test(Staleness staleness, ApiKey key) {
            return switch (kind) {
                case ANY -> true;
                case NEVER_USED -> staleness.isNeverUsed(key);
                case UNUSED -> staleness.isUnusedForMoreThan(key, days);
            };
        }
    }

    /** The v2 key lifecycle: any, expired, expiring within {@link LifecycleText#SOON}, a rotation in flight. */
    public enum Lifecycle {
        ANY("Any expiry"), EXPIRED("Expired"), EXPIRES_SOON("Expires within 14 days"), ROTATING("Rotation pending");

        private final String label;

        Lifecycle(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean test(ApiKey key, Instant now) {
            return switch (this) {
                case ANY -> true;
                case EXPIRED -> key.isExpiredAt(now);
                case EXPIRES_SOON -> LifecycleText.expiresWithin(key, now, LifecycleText.SOON);
                case ROTATING -> key.isRotationPending();
            };
        }
    }

    private final Staleness staleness;
    private final Clock clock;
    private final ObjectProperty<Lifecycle> lifecycle = new SimpleObjectProperty<>(this, "lifecycle", Lifecycle.ANY);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(this, "status", Status.ALL);
    private final ObjectProperty<Stale> stale = new SimpleObjectProperty<>(this, "stale", Stale.ANY);

    public AllKeysFilter(Staleness staleness) {
        this(staleness, Clock.systemUTC());
    }

    /** @param clock what "expired" and "expires within 14 days" are measured from */
    public AllKeysFilter(Staleness staleness, Clock clock) {
        this.staleness = staleness;
        this.clock = clock;
    }

    /** Every staleness choice: any, never used, then each threshold. */
    public List<Stale> staleChoices() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(Stale.ANY, Stale.NEVER_USED),
                staleness.thresholds().stream().map(Stale::unusedForMoreThan)).toList();
    }

    public boolean matches(KeyRow row) {
        ApiKey key = row.key();
        return matchesText(row, key) && statusOrAll(status.get()).test(key) && staleOrAny(stale.get()).test(staleness, key)
                && lifecycleOrAny().test(key, clock.instant());
    }

    /** How many of the rows this status would show, with the other filters as they are. */
    public long count(Collection<KeyRow> rows, Status choice) {
        Stale staleChoice = staleOrAny(stale.get());
        Lifecycle lifecycleChoice = lifecycleOrAny();
        Instant now = clock.instant();
        return rows.stream().filter(row -> choice.test(row.key()) && staleChoice.test(staleness, row.key())
                && lifecycleChoice.test(row.key(), now) && matchesText(row, row.key())).count();
    }

    /** How many of the rows this staleness choice would show, with the other filters as they are. */
    public long count(Collection<KeyRow> rows, Stale choice) {
        Status statusChoice = statusOrAll(status.get());
        Lifecycle lifecycleChoice = lifecycleOrAny();
        Instant now = clock.instant();
        return rows.stream().filter(row -> statusChoice.test(row.key()) && choice.test(staleness, row.key())
                && lifecycleChoice.test(row.key(), now) && matchesText(row, row.key())).count();
    }

    /** How many of the rows this lifecycle choice would show, with the other filters as they are. */
    public long count(Collection<KeyRow> rows, Lifecycle choice) {
        Status statusChoice = statusOrAll(status.get());
        Stale staleChoice = staleOrAny(stale.get());
        Instant now = clock.instant();
        return rows.stream().filter(row -> statusChoice.test(row.key()) && staleChoice.test(staleness, row.key())
                && choice.test(row.key(), now) && matchesText(row, row.key())).count();
    }

    boolean matchesText(KeyRow row, ApiKey key) {
        String needle = text.get() == null ? "" : text.get().strip();
        if (needle.isEmpty()) {
            return true;
        }
        String lower = needle.toLowerCase(Locale.ROOT);
        return contains(row.ownerLabel(), lower) || contains(key.name(), lower) || contains(row.projectId(), lower)
                || (needle.length() >= key.suffix().length() && needle.endsWith(key.suffix()))
                || String.valueOf(key.id()).equals(needle);
    }

    private static boolean contains(String field, String lowerNeedle) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    Status statusOrAll() {
        return statusOrAll(status.get());
    }

    Stale staleOrAny() {
        return staleOrAny(stale.get());
    }

    Lifecycle lifecycleOrAny() {
        return lifecycle.get() == null ? Lifecycle.ANY : lifecycle.get();
    }

    Instant now() {
        return clock.instant();
    }

    private static Status statusOrAll(Status value) {
        return value == null ? Status.ALL : value;
    }

    private static Stale staleOrAny(Stale value) {
        return value == null ? Stale.ANY : value;
    }

    public boolean isActive() {
        return !(text.get() == null || text.get().isBlank()) || statusOrAll(status.get()) != Status.ALL
                || !Stale.ANY.equals(staleOrAny(stale.get())) || lifecycleOrAny() != Lifecycle.ANY;
    }

    /** A predicate on rows that changes with any of the filters. */
    public ObjectBinding<Predicate<KeyRow>> rowPredicate() {
        return Bindings.createObjectBinding(() -> this::matches, text, status, stale, lifecycle);
    }

    public Staleness staleness() {
        return staleness;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    public ObjectProperty<Stale> staleProperty() {
        return stale;
    }

    /** Expired, expiring soon, rotation pending (v2); {@link Lifecycle#ANY} on a server without v2. */
    public ObjectProperty<Lifecycle> lifecycleProperty() {
        return lifecycle;
    }
}
