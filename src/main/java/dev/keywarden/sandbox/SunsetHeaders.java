package dev.keywarden.sandbox;

import dev.keywarden.model.Json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Tells a call made with the outgoing value of a rotation when that value stops: {@code Sunset} as an HTTP date
 * (RFC 8594) and {@code X-Api-Key-Warning} in plain words. Never names the key or its values.
 */
final class SunsetHeaders {

    static final String SUNSET = "Sunset";
    static final String WARNING = "X-Api-Key-Warning";
    /** IMF-fixdate, HTTP's date form: {@code Thu, 02 Jan 2025 12:00:00 GMT}. */
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private SunsetHeaders() {
    }

    /** Sets both headers on the answer when {@code sunset} is not null. */
    static void announce(SandboxRequest request, Instant sunset) {
        if (sunset == null) {
            return;
        }
        request.responseHeader(SUNSET, HTTP_DATE.format(sunset));
        request.responseHeader(WARNING, "This API key has been rotated: this value stops working at "
                + Json.WIRE_TIME.format(sunset) + ". Switch to the new value before then.");
    }
}
