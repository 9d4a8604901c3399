package dev.keywarden.sandbox;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

/**
 * Ids and secrets in the shapes Confident AI uses. A key is {@code confident_us_proj_} or {@code confident_us_org_}
 * and 32 random bytes in standard base64: 44 characters ending in {@code =}, so many hold {@code +} or {@code /}
 * (the shape real keys have; the 32 hex characters of the documentation's examples are only examples).
 */
final class Identifiers {

    static final String PROJECT_KEY_PREFIX = "confident_us_proj_";
    static final String ORG_KEY_PREFIX = "confident_us_org_";

    /** Every real secret (org keys, new project keys) comes from here; SecureRandom is thread-safe. */
    static final SecureRandom SECURE = new SecureRandom();

    private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int KEY_BYTES = 32;

    private Identifiers() {
    }

    /** A cuid-like id: {@code c} then 24 lowercase base-36 characters, e.g. {@code clq9z3x1k0001la08f7t3g5p2}. */
    static String cuid(Random random) {
        return "c" + draw(random, BASE36, 24);
    }

    static String projectKeyValue(Random random) {
        return PROJECT_KEY_PREFIX + keyBody(random);
    }

    static String orgKeyValue(Random random) {
        return ORG_KEY_PREFIX + keyBody(random);
    }

    private static String keyBody(Random random) {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String orgKey() {
        return orgKeyValue(SECURE);
    }

    private static String draw(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
