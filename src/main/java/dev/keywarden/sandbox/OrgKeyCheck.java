package dev.keywarden.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Admits management calls made with the organisation key; anything else is 401 {@code Invalid API key}. */
final class OrgKeyCheck {

    private final byte[] expectedDigest;

    OrgKeyCheck(String orgKey) {
        this.expectedDigest = digest(orgKey);
    }

    Endpoint guard(Endpoint endpoint) {
        return request -> {
            String presented = request.apiKey().orElse("");
            // Comparing fixed-length digests with isEqual takes the same time wherever they differ.
            if (!MessageDigest.isEqual(expectedDigest, digest(presented))) {
                throw ApiError.invalidApiKey();
            }
            return endpoint.handle(request);
        };
    }

    private static byte[] digest(String key) {
        return SandboxStore.digest(key).getBytes(StandardCharsets.US_ASCII);
    }
}
