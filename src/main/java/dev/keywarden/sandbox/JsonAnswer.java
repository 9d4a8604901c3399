package dev.keywarden.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Json;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the sandbox's answers in the API's two shapes: {@code {success, data, deprecated}} and
 * {@code {success, error, deprecated}}, always as {@code application/json}.
 */
final class JsonAnswer {

    /** v1 answers show a key as v1 documents it; v2 answers write their keys through {@link LifecycleKeyJson}. */
    private static final ObjectMapper MAPPER = Json.newMapper().addMixIn(ApiKey.class, V1Key.class);

    @JsonIgnoreProperties({"expiresAt", "shadowValue", "rotatesAt"})
    private abstract static class V1Key {
    }

    private JsonAnswer() {
    }

    record Success(@JsonProperty("success") boolean success, @JsonProperty("data") Object data,
                   @JsonProperty("deprecated") boolean deprecated) {
    }

    record Failure(@JsonProperty("success") boolean success, @JsonProperty("error") String error,
                   @JsonProperty("deprecated") boolean deprecated) {
    }

    static Success success(Object data) {
        return new Success(true, data, false);
    }

    static Failure failure(String error) {
        return new Failure(false, error, false);
    }

    /**
     * Sends the status, headers and {@code body}, flushed; the caller closes the response stream. Closing it
     * first waits for the rest of the request body, which may never come.
     */
    static void write(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        // Create answers carry raw key values: nothing should keep a copy.
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes);
        out.flush();
    }
}
