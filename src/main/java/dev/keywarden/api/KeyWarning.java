package dev.keywarden.api;

import java.time.Instant;

/**
 * What an answer said about the organisation key that made the call, when that key is the outgoing value of
 * a rotation: the {@code Sunset} header (when the value stops working) and the {@code X-Api-Key-Warning}
 * header (the server's plain words, cut to one short line with anything shaped like a Confident key removed).
 *
 * @param sunset  when the value stops working; null when the header was missing or not a date
 * @param message the server's warning; null when the header was missing
 */
public record KeyWarning(Instant sunset, String message) {

    public KeyWarning {
        if (sunset == null && message == null) {
            throw new IllegalArgumentException("A key warning has a sunset, a message or both");
        }
    }
}
