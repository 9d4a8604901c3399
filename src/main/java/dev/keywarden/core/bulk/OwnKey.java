package dev.keywarden.core.bulk;

/** Whether a plan includes the organisation key the connection itself uses. */
public enum OwnKey {
    /** The plan does not include it (or it is not among the listed organisation keys). */
    NOT_INCLUDED,
    /** The plan includes it: after a deactivation or revocation this connection stops working. */
    INCLUDED,
    /**
     * Several organisation keys end with the same 6 characters as the one in use and the plan
     * includes at least one of them: which one is in use cannot be told, so none is marked.
     */
    MAYBE_INCLUDED,
    /** The key in use was not given to the plan. */
    NOT_KNOWN;

    public boolean includedOrMaybe() {
        return this == INCLUDED || this == MAYBE_INCLUDED;
    }
}
