package dev.keywarden.core.keys;

/**
 * How long a key has gone unused: never used, unused for more than {@code days} days (the largest
 * threshold it passed), or used within the smallest threshold ({@code days} is that threshold).
 */
public record StaleClass(Level level, int days) {

    public enum Level {
        NEVER_USED, UNUSED, RECENT
    }

    public static StaleClass neverUsed() {
        return new StaleClass(Level.NEVER_USED, 0);
    }

    public static StaleClass unusedForMoreThan(int days) {
        return new StaleClass(Level.UNUSED, days);
    }

    public static StaleClass usedWithin(int days) {
        return new StaleClass(Level.RECENT, days);
    }

    /** "Never used", "Unused for more than 30 days", "Used in the last 7 days". */
    public String label() {
        return switch (level) {
            case NEVER_USED -> "Never used";
            case UNUSED -> "Unused for more than " + days + (days == 1 ? " day" : " days");
            case RECENT -> "Used in the last " + days + (days == 1 ? " day" : " days");
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
