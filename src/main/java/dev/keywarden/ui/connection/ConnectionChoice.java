package dev.keywarden.ui.connection;

/**
 * One entry of the header's connection switcher: the demo sandbox, the environment's key, or a
 * saved profile. {@code label} and {@code colour} mark which organisation the admin is acting on.
 */
public record ConnectionChoice(String name, String label, String colour, Kind kind, String endpoint) {

    public enum Kind { SANDBOX, ENVIRONMENT, SAVED }

    public boolean isSandbox() {
        return kind == Kind.SANDBOX;
    }

    @Override
    public String toString() {
        return label == null || label.isBlank() ? name : name + " [" + label + "]";
    }
}
