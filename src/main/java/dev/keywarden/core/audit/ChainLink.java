package dev.keywarden.core.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How each line of the audit file is tied to the one before it: the field {@value #FIELD} holds the
 * SHA-256 (lower-case hex) of the previous line's exact bytes, without its newline; the first line of a
 * file holds {@link #FIRST_LINE}. Changing, removing, adding or moving a line then leaves a line whose
 * link matches no line before it.
 */
final class ChainLink {
    static final String FIELD = "prev_sha256";
    /** The link of a file's first line: there is nothing before it. */
    static final String FIRST_LINE = "0".repeat(64);

    private ChainLink() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    static String of(byte[] bytes, int from, int to) {
        MessageDigest digest = sha256();
        digest.update(bytes, from, to - from);
        return hex(digest);
    }
}
