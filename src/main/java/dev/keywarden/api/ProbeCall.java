package dev.keywarden.api;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.io.IOException;
import java.time.Duration;

/** One GET with a pasted key, to see whether the server accepts it; shared by the key probes. */
final class ProbeCall {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ProbeCall() {
    }

    /**
     * @param what the kind of key, for the message when it cannot be sent ("project API key")
     * @return the HTTP status of the answer
     * @throws NetworkException   when no answer arrived (the key is never in it)
     * @throws CancelledException when the calling thread was interrupted
     */
    static int status(OkHttpClient client, String baseUrl, String pathSegments, String key, String what) {
        HttpUrl url = HttpUrl.get(BaseUrls.validate(baseUrl)).newBuilder().addPathSegments(pathSegments).build();
        String sent = checkedKey(key, what);
        Request request = new Request.Builder()
                .url(url)
                .header(ApiTransport.KEY_HEADER, sent)
                .header("User-Agent", ApiTransport.USER_AGENT)
                .header("Accept", "application/json")
                .build();
        try {
            return InterruptibleCall.execute(client, request).status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("GET", url.encodedPath(), false);
        } catch (IOException e) {
            NetworkException failure = new NetworkException("GET", url.encodedPath(), new KeyRedaction(OrgKey.of(sent)).cause(e));
            failure.origin(url.host() + ":" + url.port());
            throw failure;
        }
    }

    /** OkHttp would put a header value it refuses into its exception message; refuse it here without echoing it. */
    private static String checkedKey(String key, String what) {
        String stripped = key == null ? "" : key.strip();
        if (stripped.isEmpty() || stripped.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("The " + what + " is empty or holds characters that cannot be sent in a header.");
        }
        return stripped;
    }
}
