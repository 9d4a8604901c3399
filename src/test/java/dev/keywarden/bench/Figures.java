package dev.keywarden.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of a run, in the order they were measured. */
public final class Figures {
    private final List<Figure> all = new ArrayList<>();

    public Figure add(String name, double value, String unit, Goal goal, String note) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not a number: " + value);
        }
        if (all.stream().anyMatch(figure -> figure.name().equals(name))) {
            throw new IllegalArgumentException("two figures named " + name);
        }
        Figure figure = new Figure(name, value, unit, goal, note);
        all.add(figure);
        return figure;
    }

    public Figure add(String name, double value, String unit, String note) {
        return add(name, value, unit, null, note);
    }

    public List<Figure> all() {
        return List.copyOf(all);
    }

    /** Three significant figures or so, with a dot, whatever the machine's locale. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
