package dev.keywarden.core.keys;

import dev.keywarden.model.ApiKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Classifies keys by last use against day thresholds (7, 30 and 90 by default), as of the clock's
 * now. "Unused for more than N days" means the last use is more than N×24 hours ago; a key never
 * used is its own class and is not counted as unused for N days (its age says nothing about use).
 * A last use in the future (clocks that disagree) counts as recent.
 */
public final class Staleness {
    public static final List<Integer> DEFAULT_THRESHOLDS_DAYS = List.of(7, 30, 90);

    private final Clock clock;
    private final List<Integer> thresholds;

    public Staleness(Clock clock) {
        this(clock, DEFAULT_THRESHOLDS_DAYS);
    }

    /** @param thresholdsDays at least one, each at least 1 day; order and repeats do not matter */
    public Staleness(Clock clock, Collection<Integer> thresholdsDays) {
        this.clock = clock;
        TreeSet<Integer> sorted = new TreeSet<>(thresholdsDays);
        if (sorted.isEmpty() || sorted.first() < 1) {
            throw new IllegalArgumentException("Staleness needs at least one threshold of 1 day or more.");
        }
        this.thresholds = List.copyOf(sorted);
    }

    /** The thresholds in days, smallest first. */
    public List<Integer> thresholds() {
        return thresholds;
    }

    public StaleClass classify(ApiKey key) {
        if (key.lastUsed() == null) {
            return StaleClass.neverUsed();
        }
        Instant now = clock.instant();
        for (int i = thresholds.size() - 1; i >= 0; i--) {
            if (unusedForMoreThan(key.lastUsed(), thresholds.get(i), now)) {
                return StaleClass.unusedForMoreThan(thresholds.get(i));
            }
        }
        return StaleClass.usedWithin(thresholds.get(0));
    }

    public boolean isNeverUsed(ApiKey key) {
        return key.lastUsed() == null;
    }

    /** Used at least once, and not for more than {@code days} days. Any number of days, not only a threshold. */
    public boolean isUnusedForMoreThan(ApiKey key, int days) {
        return key.lastUsed() != null && unusedForMoreThan(key.lastUsed(), days, clock.instant());
    }

    private static boolean unusedForMoreThan(Instant lastUsed, int days, Instant now) {
        return Duration.between(lastUsed, now).compareTo(Duration.ofDays(days)) > 0;
    }

    /** How many keys fall in each class, and (cumulatively) how many are unused for more than each threshold. */
    public Counts count(Collection<ApiKey> keys) {
        Instant now = clock.instant();
        Map<StaleClass, Integer> byClass = new LinkedHashMap<>();
        byClass.put(StaleClass.neverUsed(), 0);
        for (int i = thresholds.size() - 1; i >= 0; i--) {
            byClass.put(StaleClass.unusedForMoreThan(thresholds.get(i)), 0);
        }
        byClass.put(StaleClass.usedWithin(thresholds.get(0)), 0);
        Map<Integer, Integer> cumulative = new LinkedHashMap<>();
        thresholds.forEach(days -> cumulative.put(days, 0));
        for (ApiKey key : keys) {
            byClass.merge(classify(key), 1, Integer::sum);
            if (key.lastUsed() != null) {
                thresholds.forEach(days -> {
                    if (unusedForMoreThan(key.lastUsed(), days, now)) {
                        cumulative.merge(days, 1, Integer::sum);
                    }
                });
            }
        }
        return new Counts(keys.size(), Map.copyOf(byClass), Map.copyOf(cumulative), List.copyOf(byClass.keySet()));
    }

    /**
     * @param byClass           keys per class (each key in exactly one class)
     * @param unusedForMoreThan keys unused for more than each threshold (a key unused for 100 days counts for 7, 30 and 90)
     * @param classes           every class, most stale first: never used, then the thresholds largest first, then recent
     */
    public record Counts(int total, Map<StaleClass, Integer> byClass, Map<Integer, Integer> unusedForMoreThan,
                         List<StaleClass> classes) {

        public int neverUsed() {
            return byClass.get(StaleClass.neverUsed());
        }

        public int unusedForMoreThan(int days) {
            Integer count = unusedForMoreThan.get(days);
            if (count == null) {
                throw new IllegalArgumentException(days + " days is not one of the thresholds " + unusedForMoreThan.keySet());
            }
            return count;
        }

        public int of(StaleClass staleClass) {
            return byClass.getOrDefault(staleClass, 0);
        }
    }
}
