package dev.keywarden.cli;

/** What a script can act on; documented in the README's "Command line" section. */
public final class ExitCodes {
    /** Done; for {@code check-key}: the server refuses the key. */
    public static final int OK = 0;
    /** The answer is "no": for {@code check-key}, the server still accepts the key; for {@code audit --verify}, the chain breaks. */
    public static final int NO = 1;
    /**
     * Bad usage, or a failure (unreachable server, refused org key, unknown project, unreadable settings); for
     * {@code check-key}: inconclusive.
     */
    public static final int ERROR = 2;
    /**
     * A bulk change sent its changes but not every key asked for was changed (each is listed on stderr);
     * for {@code audit --verify}, the chain is intact but some lines cannot be read.
     */
    public static final int PARTIAL = 3;
    /** A bulk change made every change but could not append them all to the audit trail (stderr says so). */
    public static final int AUDIT_FAILED = 4;

    private ExitCodes() {
    }
}
