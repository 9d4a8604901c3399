package dev.keywarden.api;

import java.util.Map;

/**
 * Where calls go. Resolution, as in the official SDKs: explicit &gt; {@code CONFIDENT_BASE_URL} &gt;
 * {@code CONFIDENT_REGION} &gt; the key's region prefix &gt; US.
 */
public final class BaseUrls {
    public static final String ENV_BASE_URL = "CONFIDENT_BASE_URL";
    public static final String ENV_REGION = "CONFIDENT_REGION";

    private BaseUrls() {
    }

    /** @param explicit a URL given by the user or a profile, or null */
    public static String resolve(String explicit, Map<String, String> env, OrgKey key) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Normalises (trailing {@code /} dropped) and checks a base URL.
     *
     * @throws IllegalArgumentException in plain words: not a URL, not http(s), or plain http to a
     *                                  host that is not loopback
     */
    public static String validate(String baseUrl) {
        throw new UnsupportedOperationException("TODO");
    }
}
