package dev.keywarden.bench;

/** What a figure should be, from issue 15: at most or at least a target. Printed, never asserted. */
public record Goal(boolean atMost, double target) {

    public static Goal atMost(double target) {
        return new Goal(true, target);
    }

    public static Goal atLeast(double target) {
        return new Goal(false, target);
    }

    public boolean metBy(double value) {
        return atMost ? value <= target : value >= target;
    }

    public String text() {
        return (atMost ? "<= " : ">= ") + Figures.number(target);
    }
}
