package dev.keywarden.bench;

/**
 * How big a run is. {@code full} is what {@code ./mvnw -Pbench verify} runs (the sizes of issue 15);
 * tiny proves a benchmark still works in a second or two. {@code rounds}: how many times each variant
 * runs, alternating with the others, for medians.
 */
public record Scale(boolean full, int rounds) {

    public Scale {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1");
        }
    }

    public static Scale tinySize() {
        return new Scale(false, 1);
    }

    /** Full size, {@code -Dkeywarden.bench.rounds=N} rounds (3 unless given). */
    public static Scale fullSize() {
        return new Scale(true, Integer.getInteger("keywarden.bench.rounds", 3));
    }

    /** {@code full} at full size, else {@code tiny}. */
    public int pick(int full, int tiny) {
        return this.full ? full : tiny;
    }
}
