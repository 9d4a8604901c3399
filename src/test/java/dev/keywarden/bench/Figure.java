package dev.keywarden.bench;

/**
 * One measured number.
 *
 * @param name  {@code <benchmark>} or {@code <benchmark>-<what>}, e.g. {@code org-load-vs-bound}
 * @param unit  {@code s}, {@code ratio}, {@code req/s}, {@code count}...
 * @param goal  null when the figure has none
 * @param note  how it was measured, in a few words (the table shows it; the BENCH line does not)
 */
public record Figure(String name, double value, String unit, Goal goal, String note) {

    public String verdict() {
        return goal == null ? "" : goal.metBy(value) ? "met" : "MISSED";
    }
}
