package dev.keywarden.sandbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.keywarden.model.Json;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** An incoming request: path parameters, the API key header and a size-capped JSON body. */
final class SandboxRequest {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    /** Both spellings clients send; the JDK matches header names case-insensitively. */
    private static final String[] KEY_HEADERS = {"CONFIDENT_API_KEY", "CONFIDENT-API-KEY"};
    private static final Pattern INTEGER_ID = Pattern.compile("[0-9]{1,18}");
    private static final Pattern CANONICAL_ID = Pattern.compile("0|[1-9][0-9]*");
    private static final ObjectMapper BODY_MAPPER = Json.newMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final HttpExchange exchange;
    private final Map<String, String> pathParameters;
    private final ReceivedBody body;

    SandboxRequest(HttpExchange exchange, Map<String, String> pathParameters, ReceivedBody body) {
        this.exchange = exchange;
        this.pathParameters = pathParameters;
        this.body = body;
    }

    String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no parameter " + name);
        }
        return value;
    }

    /**
     * A key id from the path; the API documents it as an integer, anything else is a 400. So is an id with
     * leading zeros: {@code 000001} is not how the server writes key 1, and one key must have one path.
     */
    long keyIdParameter(String name) {
        String text = pathParameter(name);
        if (!INTEGER_ID.matcher(text).matches()) {
            throw ApiError.badRequest("API key id must be an integer");
        }
        if (!CANONICAL_ID.matcher(text).matches()) {
            throw ApiError.badRequest("API key id must be written without leading zeros");
        }
        return Long.parseLong(text);
    }

    /** {@code application/json}, in any case, with or without parameters such as {@code charset=utf-8}. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return mediaType.equalsIgnoreCase("application/json");
    }

    /** A header for the answer, whatever its status. */
    void responseHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    Optional<String> apiKey() {
        for (String header : KEY_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    /**
     * The body as a JSON object. At most 1 MiB + 1 byte of it was kept, so oversized input is never buffered.
     * A body sent as anything but {@code application/json} is 415, whatever it holds: the API documents that
     * type, and a client that labels JSON as text has a bug worth hearing about.
     */
    /** As {@link #jsonObjectBody()}, where every field is optional: no body at all reads as {@code {}}. */
    ObjectNode optionalJsonObjectBody() throws IOException {
        return body.bytes().length == 0 ? BODY_MAPPER.createObjectNode() : jsonObjectBody();
    }

    ObjectNode jsonObjectBody() throws IOException {
        byte[] bytes = body.bytes();
        if (bytes.length > MAX_BODY_BYTES) {
            throw ApiError.badRequest("Request body is larger than 1 MiB");
        }
        if (bytes.length > 0 && !isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            throw ApiError.unsupportedMediaType("Content-Type must be application/json");
        }
        JsonNode node;
        try {
            node = BODY_MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("Request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("Request body must be a JSON object");
        }
        return (ObjectNode) node;
    }
}
