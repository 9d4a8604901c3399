package dev.keywarden.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where calls go. Resolution, as in the official SDKs: explicit &gt; {@code CONFIDENT_BASE_URL} &gt;
 * {@code CONFIDENT_REGION} &gt; the key's region prefix &gt; US.
 */
public final class BaseUrls {
    public static final String ENV_BASE_URL = "CONFIDENT_BASE_URL";
    public static final String ENV_REGION = "CONFIDENT_REGION";

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private BaseUrls() {
    }

    /**
     * @param explicit a URL given by the user or a profile, or null
     * @param env      the environment (usually {@link System#getenv()}), or null
     * @param key      the organisation key, for its region prefix, or null
     * @return a validated base URL without a trailing {@code /}
     * @throws IllegalArgumentException in plain words when a given URL is unusable or
     *                                  {@code CONFIDENT_REGION} names no known region
     */
    public static String resolve(String explicit, Map<String, String> env, OrgKey key) {
        try {
            return validate(chooseRaw(explicit, env == null ? Map.of() : env, key));
        } catch (IllegalArgumentException e) {
            // validate() never echoes a whole URL, but a key pasted into the wrong field must not leak.
            if (key != null && e.getMessage() != null && e.getMessage().contains(key.reveal())) {
                throw new IllegalArgumentException(e.getMessage().replace(key.reveal(), "[redacted]"));
            }
            throw e;
        }
    }

    private static String chooseRaw(String explicit, Map<String, String> env, OrgKey key) {
        if (isPresent(explicit)) {
            return explicit;
        }
        String fromEnv = env.get(ENV_BASE_URL);
        if (isPresent(fromEnv)) {
            return fromEnv;
        }
        String regionName = env.get(ENV_REGION);
        if (isPresent(regionName)) {
            Region region = Region.parse(regionName);
            if (region == null) {
                throw new IllegalArgumentException(ENV_REGION + " must be US, EU or AU.");
            }
            return region.baseUrl();
        }
        Region fromKey = key == null ? null : key.regionFromPrefix();
        return (fromKey == null ? Region.US : fromKey).baseUrl();
    }

    private static boolean isPresent(String text) {
        return text != null && !text.isBlank();
    }

    /**
     * Normalises (trimmed, trailing {@code /} dropped) and checks a base URL.
     *
     * @throws IllegalArgumentException in plain words: not a URL, not http(s), or plain http to a
     *                                  host that is not loopback
     */
    public static String validate(String baseUrl) {
        if (!isPresent(baseUrl)) {
            throw new IllegalArgumentException("The base URL is empty.");
        }
        String url = baseUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The base URL is not a valid URL; it should look like https://api.confident-ai.com.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("The base URL must start with https:// (for example https://api.confident-ai.com).");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("The base URL has no valid host name; it should look like https://api.confident-ai.com.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The base URL must not contain a user name or password.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The base URL must not contain a query (?) or fragment (#).");
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new IllegalArgumentException("Plain http:// is only allowed to this computer (loopback); use https:// for "
                    + host + ".");
        }
        return url;
    }

    /** Literal loopback names only: no DNS lookup, so a name cannot be made to point here. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (IPV4_LOOPBACK.matcher(h).matches()) {
            for (String octet : h.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            try {
                // A bracketed IPv6 literal is parsed, never looked up.
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
