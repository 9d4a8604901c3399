package dev.keywarden.core.keys;

import dev.keywarden.model.ApiKey;

/** A change made to a key from Keywarden: the unit of bulk plans and of the audit trail. */
public enum KeyAction {
    DEACTIVATE("deactivate", "deactivated", Boolean.FALSE),
    ACTIVATE("reactivate", "reactivated", Boolean.TRUE),
    REVOKE("revoke", "revoked", null),
    /** Only recorded (the audit trail); never part of a bulk plan. */
    CREATE("create", "created", null),
    /** A new value for the key (v2), one key at a time; only recorded, never part of a bulk plan. */
    ROTATE("rotate", "rotated", null);

    private final String verb;
    private final String pastTense;
    private final Boolean wantedValid;

    KeyAction(String verb, String pastTense, Boolean wantedValid) {
        this.verb = verb;
        this.pastTense = pastTense;
        this.wantedValid = wantedValid;
    }

    /** "deactivate", "reactivate", "revoke". */
    public String verb() {
        return verb;
    }

    /** "deactivated", "reactivated", "revoked". */
    public String pastTense() {
        return pastTense;
    }

    /** "Deactivate", "Reactivate", "Revoke": the verb at the start of a sentence or a title. */
    public String capitalisedVerb() {
        return capitalised(verb);
    }

    /** "Deactivated", "Reactivated", "Revoked": the past tense at the start of a sentence. */
    public String capitalisedPastTense() {
        return capitalised(pastTense);
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** The {@code valid} flag this action sets; null for revoke, which deletes the key, and for create. */
    public Boolean wantedValid() {
        return wantedValid;
    }

    /** Whether the key as listed already is what this action would make it (never for revoke). */
    public boolean isAlreadyDone(ApiKey key) {
        return wantedValid != null && key.valid() == wantedValid;
    }

    /** Switching a key off or on can be undone; revoking or creating it cannot. */
    public boolean canBeUndone() {
        return this == DEACTIVATE || this == ACTIVATE;
    }
}
