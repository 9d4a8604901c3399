package dev.keywarden.ui.store;

import java.util.Objects;

/**
 * How a key's row stands, as one value: idle (what the server last answered; possibly marked "may be out
 * of date" when a read after a lost answer did not happen), changing to a state, unknown while the key is
 * read again after a lost answer, being revoked, or being rotated. Every action on a row is refused unless it is idle.
 */
public record RowState(Kind kind, Boolean toValid, boolean mayBeOutOfDate) {

    public enum Kind { IDLE, CHANGING, UNKNOWN, REVOKING, ROTATING }

    public static final RowState IDLE = new RowState(Kind.IDLE, null, false);
    /** Idle, showing what the server last answered, although a change to it may have landed since. */
    public static final RowState MAY_BE_OUT_OF_DATE = new RowState(Kind.IDLE, null, true);
    /** The answer to a change was lost and the key is being read again: neither state is shown. */
    public static final RowState UNKNOWN = new RowState(Kind.UNKNOWN, null, false);
    public static final RowState REVOKING = new RowState(Kind.REVOKING, null, false);
    /** A rotation (v2) was sent and its answer is awaited (or the key is being read again after it was lost). */
    public static final RowState ROTATING = new RowState(Kind.ROTATING, null, false);

    public RowState {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.CHANGING) != (toValid != null)) {
            throw new IllegalArgumentException("Only a changing row has a state it changes to.");
        }
        if (mayBeOutOfDate && kind != Kind.IDLE) {
            throw new IllegalArgumentException("Only an idle row may be out of date.");
        }
    }

    /** Being switched on ({@code true}) or off. */
    public static RowState changing(boolean toValid) {
        return new RowState(Kind.CHANGING, toValid, false);
    }

    public boolean isIdle() {
        return kind == Kind.IDLE;
    }

    /**
     * What the status column says: "Active", "Deactivated" (with "(may be out of date)"), "Deactivating…",
     * "Activating…", "Unknown: reading again…", "Revoking…", "Rotating…".
     */
    public String label(boolean valid) {
        return switch (kind) {
            case IDLE -> (valid ? "Active" : "Deactivated") + (mayBeOutOfDate ? " (may be out of date)" : "");
            case CHANGING -> toValid ? "Activating\u2026" : "Deactivating\u2026";
            case UNKNOWN -> "Unknown: reading again\u2026";
            case REVOKING -> "Revoking\u2026";
            case ROTATING -> "Rotating\u2026";
        };
    }

    /** Why nothing else may be done to the key while it stands like this, in a short sentence; null when idle. */
    public String refusal(String keyLabel) {
        return switch (kind) {
            case IDLE -> null;
            case CHANGING -> "Key " + keyLabel + " is being " + (toValid ? "activated" : "deactivated")
                    + ": wait for the server's answer.";
            case UNKNOWN -> "Key " + keyLabel + " is being read again after a lost answer: wait for what the server has.";
            case REVOKING -> "Key " + keyLabel + " is being revoked: wait for the server's answer.";
            case ROTATING -> "Key " + keyLabel + " is being rotated: wait for the server's answer.";
        };
    }
}
