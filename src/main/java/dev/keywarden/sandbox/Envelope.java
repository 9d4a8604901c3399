package dev.keywarden.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The two response shapes of the API: {@code {success, data, deprecated}} and {@code {success, error, deprecated}}. */
final class Envelope {

    private Envelope() {
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
}
