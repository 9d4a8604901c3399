package dev.keywarden.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Turns a non-2xx answer into the typed {@link ApiException} for its status. */
final class Failures {
    static final int MAX_SNIPPET = 200;

    private Failures() {
    }

    static ApiException forStatus(int status, String serverError, String method, String path, Duration retryAfter) {
        return switch (status) {
            case 400, 422 -> new InvalidRequestException(status, serverError, method, path);
            case 401 -> new UnauthorizedException(serverError, method, path);
            case 403 -> new ForbiddenException(serverError, method, path);
            case 404 -> new NotFoundException(serverError, method, path);
            case 409 -> new ConflictException(serverError, method, path);
            case 429, 503 -> new UnavailableException(status, serverError, method, path, retryAfter);
            default -> {
                if (status >= 500) {
                    yield new ServerException(status, serverError, method, path);
                }
                if (status >= 400) {
                    // 405, 413, … : the request was not acceptable, like a 400.
                    yield new InvalidRequestException(status, serverError, method, path);
                }
                // Redirects are not followed (they would carry the key to another host) and 1xx is not expected.
                yield new ProtocolException(status, method, path, "unexpected HTTP " + status + " answer", null);
            }
        };
    }

    /**
     * The server's own words from an error body: {@code error} of the documented envelope, else a
     * short snippet of a plain-text body, else null (HTML pages, empty bodies). Any occurrence of
     * the organisation key is cut out, in case a proxy echoes the request.
     */
    static String serverErrorText(byte[] body, ObjectMapper mapper, OrgKey key) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return null;
        }
        String found;
        if (text.startsWith("{")) {
            found = errorField(text, mapper);
        } else if (text.startsWith("<")) {
            found = null;
        } else {
            String oneLine = text.replaceAll("\\s+", " ");
            found = oneLine.length() > MAX_SNIPPET ? oneLine.substring(0, MAX_SNIPPET) + "…" : oneLine;
        }
        return new KeyRedaction(key).text(found);
    }

    private static String errorField(String json, ObjectMapper mapper) {
        try {
            JsonNode error = mapper.readTree(json).path("error");
            return error.isTextual() ? error.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
