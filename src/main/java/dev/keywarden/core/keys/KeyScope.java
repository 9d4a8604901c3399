package dev.keywarden.core.keys;

/**
 * What a raw key's prefix says it is: the {@code <scope>} of {@code confident_<region>_<scope>_<body>}.
 * Older keys have no scope: their kind is unknown and they are matched against keys of both kinds.
 * Global keys (created in the web UI only) are listed by no endpoint, so they match no listed key.
 */
public enum KeyScope {
    PROJECT("proj", KeyKind.PROJECT, "project key"),
    ORGANISATION("org", KeyKind.ORGANISATION, "organisation key"),
    GLOBAL("global", null, "global key"),
    UNKNOWN(null, null, "key of unknown kind");

    /** Where an admin switches a global key off: the API cannot list or change global keys. */
    public static final String GLOBAL_KEYS_PLACE = "Organization Settings \u2192 Global API Keys";

    private final String prefixWord;
    private final KeyKind kind;
    private final String words;

    KeyScope(String prefixWord, KeyKind kind, String words) {
        this.prefixWord = prefixWord;
        this.kind = kind;
        this.words = words;
    }

    /** {@code proj}, {@code org}, {@code global}; null for {@link #UNKNOWN}. */
    public String prefixWord() {
        return prefixWord;
    }

    /** The kind of listed key this scope names; null for a global key or an unknown kind. */
    public KeyKind kind() {
        return kind;
    }

    /** "project key", "organisation key", "global key", "key of unknown kind". */
    public String words() {
        return words;
    }

    /** Whether a found key of this scope may be a listed key of {@code listed} kind. */
    public boolean canBe(KeyKind listed) {
        return switch (this) {
            case PROJECT, ORGANISATION -> kind == listed;
            case UNKNOWN -> true;
            case GLOBAL -> false;
        };
    }

    /** The scope of a listed key's kind. */
    public static KeyScope of(KeyKind kind) {
        return kind == KeyKind.ORGANISATION ? ORGANISATION : PROJECT;
    }
}
