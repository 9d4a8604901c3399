package dev.keywarden.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The one Jackson setup shared by the gateway and the sandbox, so both agree on the wire format. */
public final class Json {

    /** The documented timestamp form: ISO-8601 UTC with milliseconds, {@code 2024-12-04T23:00:00.000Z}. */
    public static final DateTimeFormatter WIRE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    public static ObjectMapper newMapper() {
        SimpleModule times = new SimpleModule("keywarden-times");
        times.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                String fast = WireTime.format(value);
                gen.writeString(fast != null ? fast : WIRE_TIME.format(value));
            }
        });
        times.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return parseTime(text);
                } catch (DateTimeParseException | NullPointerException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 date-time");
                }
            }
        });
        return new ObjectMapper()
                .registerModule(times)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** Accepts any ISO-8601 instant with an offset, with or without fractions of a second. */
    public static Instant parseTime(String text) {
        Instant common = WireTime.parse(text);
        return common != null ? common : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }
}
