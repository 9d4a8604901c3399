package dev.keywarden.ui.allkeys;

import dev.keywarden.core.keys.Staleness;
import dev.keywarden.core.rotate.LifecycleText;
import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.store.KeyRow;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The all-keys table's filters: text (project, name, masked value or its last 6 characters, key id),
 * status, staleness, and the v2 lifecycle (expired, expiring within 14 days, rotation pending), each with the
 * number of keys it would show. {@link #criteria()} freezes them for a
 * worker thread.
 */
public final class AllKeysFilter {
    /** How long the table waits after the last change of a filter before it filters again. */
    public static final java.time.Duration PAUSE = java.time.Duration.ofMillis(150);

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

    /**
     * The filters as they are now, frozen: what the table and the counts filter with, on a worker thread over a
     * snapshot of the rows (see {@code FilterCounts}). A new criterion is a property here, a field of {@link Criteria}
     * taken in {@link #criteria()}, its test in {@link Criteria#matches} and its part of {@link Criteria#isActive}.
     */
    public Criteria criteria() {
        String needle = text.get() == null ? "" : text.get().strip();
        return new Criteria(needle, needle.toLowerCase(Locale.ROOT), statusOrAll(status.get()), staleOrAny(stale.get()), staleness,
                lifecycle.get() == null ? Lifecycle.ANY : lifecycle.get(), clock.instant());
    }

    /**
     * Immutable filters: safe on any thread. {@code needle} is the stripped text, {@code lowerNeedle} the same in
     * lower case; {@code now} is when they were taken, what the lifecycle choice is measured from.
     */
    public record Criteria(String needle, String lowerNeedle, Status status, Stale stale, Staleness staleness, Lifecycle lifecycle,
                           Instant now) {

        /** Whether a key of this project ({@code ownerLabel}: its name, or "Organisation"; {@code projectId} null for an organisation key) is shown. */
        public boolean matches(String ownerLabel, String projectId, ApiKey key) {
            return matchesText(ownerLabel, projectId, key) && status.test(key) && stale.test(staleness, key) && lifecycle.test(key, now);
        }

        public boolean matches(KeyRow row) {
            return matches(row.ownerLabel(), row.projectId(), row.key());
        }

        boolean matchesText(String ownerLabel, String projectId, ApiKey key) {
            if (needle.isEmpty()) {
                return true;
            }
            return contains(ownerLabel, lowerNeedle) || contains(key.name(), lowerNeedle) || contains(projectId, lowerNeedle)
                    || endsWithSuffix(needle, key.value()) || isId(needle, key.id());
        }

        public boolean isActive() {
            return !needle.isEmpty() || status != Status.ALL || !Stale.ANY.equals(stale) || lifecycle != Lifecycle.ANY;
        }
    }

    public boolean matches(KeyRow row) {
        return criteria().matches(row);
    }

    /** How many of the rows this status would show, with the other filters as they are. */
    public long count(Collection<KeyRow> rows, Status choice) {
        Criteria criteria = criteria();
        return rows.stream().filter(row -> choice.test(row.key()) && criteria.stale().test(staleness, row.key())
                && criteria.lifecycle().test(row.key(), criteria.now())
                && criteria.matchesText(row.ownerLabel(), row.projectId(), row.key())).count();
    }

    /** How many of the rows this staleness choice would show, with the other filters as they are. */
    public long count(Collection<KeyRow> rows, Stale choice) {
        Criteria criteria = criteria();
        return rows.stream().filter(row -> criteria.status().test(row.key()) && choice.test(staleness, row.key())
                && criteria.lifecycle().test(row.key(), criteria.now())
                && criteria.matchesText(row.ownerLabel(), row.projectId(), row.key())).count();
    }

    /** How many of the rows this lifecycle choice would show, with the other filters as they are. */
    public long count(Collection<KeyRow> rows, Lifecycle choice) {
        Criteria criteria = criteria();
        return rows.stream().filter(row -> criteria.status().test(row.key()) && criteria.stale().test(staleness, row.key())
                && choice.test(row.key(), criteria.now())
                && criteria.matchesText(row.ownerLabel(), row.projectId(), row.key())).count();
    }

    /*
     * The text tests run for every row on each change of the filter (50,000 of them in a large organisation), so they
     * allocate nothing: no lower-cased copies, no suffix or id strings.
     */

    /**
     * Whether the field holds the (lower-case) needle, ignoring case character by character (regionMatches): unlike
     * a lower-cased copy, a letter whose lower case is two characters (the dotted capital I) is matched as one.
     */
    static boolean contains(String field, String lowerNeedle) {
        if (field == null) {
            return false;
        }
        int length = lowerNeedle.length();
        for (int at = 0, last = field.length() - length; at <= last; at++) {
            if (field.regionMatches(true, at, lowerNeedle, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the needle ends with the value's last characters (its masked suffix), e.g. a pasted key or its tail. */
    private static boolean endsWithSuffix(String needle, String value) {
        int suffix = Math.min(ApiKey.VISIBLE_SUFFIX, value.length());
        return needle.length() >= suffix && needle.regionMatches(needle.length() - suffix, value, value.length() - suffix, suffix);
    }

    /** Whether the needle is the key's id, written in decimal. */
    private static boolean isId(String needle, long id) {
        if (needle.isEmpty() || needle.length() > 19 || id < 0) {
            return false;
        }
        long rest = id;
        for (int at = needle.length() - 1; at >= 0; at--) {
            char c = needle.charAt(at);
            if (c < '0' || c > '9' || (rest == 0 && at < needle.length() - 1) || rest % 10 != c - '0') {
                return false;
            }
            rest /= 10;
        }
        return rest == 0;
    }

    private static Status statusOrAll(Status value) {
        return value == null ? Status.ALL : value;
    }

    private static Stale staleOrAny(Stale value) {
        return value == null ? Stale.ANY : value;
    }

    public boolean isActive() {
        return criteria().isActive();
    }

    /** Back to every key: no text, any status, any last use, any expiry. */
    public void clear() {
        text.set("");
        status.set(Status.ALL);
        stale.set(Stale.ANY);
        lifecycle.set(Lifecycle.ANY);
    }

    /** Every property whose change changes {@link #criteria()}. */
    public javafx.beans.Observable[] observables() {
        return new javafx.beans.Observable[] {text, status, stale, lifecycle};
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
