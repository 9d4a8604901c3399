package dev.keywarden.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quick timestamp path agrees with {@link DateTimeFormatter} on everything it takes, and leaves the rest to it. */
class WireTimeTest {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Test
    void readsEveryCommonShapeAsTheFormatterDoes() {
        Random random = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 4, 18 * 4 + 1) * 900);
            for (String text : List.of(Json.WIRE_TIME.format(instant), instant.atOffset(offset).format(ISO),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX").format(instant.atOffset(offset)),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SXXX").format(instant.atOffset(offset)))) {
                assertThat(WireTime.parse(text)).as(text).isNotNull().isEqualTo(ISO.parse(text, Instant::from));
            }
        }
    }

    @Test
    void writesTheDocumentedFormExactlyAsTheFormatterDoes() {
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
            assertThat(WireTime.format(instant)).isEqualTo(Json.WIRE_TIME.format(instant));
        }
        assertThat(WireTime.format(Instant.parse("+10000-01-01T00:00:00Z"))).as("left to the formatter").isNull();
        assertThat(WireTime.format(Instant.parse("0000-06-01T00:00:00Z"))).as("year 0, the formatter's 0001").isNull();
        assertThat(Json.newMapper().valueToTree(new Object() {
            public Instant getAt() {
                return Instant.parse("2024-12-04T23:00:00.5Z");
            }
        }).get("at").asText()).isEqualTo("2024-12-04T23:00:00.500Z");
    }

    @Test
    void anythingElseIsLeftToTheFormatterWithItsErrors() {
        for (String text : List.of("2024-02-30T10:00:00Z", "2024-12-04T24:00:00Z", "2024-12-04T23:60:00Z", "2024-12-04T23:00:60Z",
                "2024-12-04T23:00:00.Z", "2024-12-04T23:00:00.0000000001Z", "2024-12-04T23:00:00+18:30", "2024-12-04T23:00:00",
                "2024-12-04 23:00:00Z", "2024-12-04T23:00:00z", "2024-12-04T23:00Z", "2024-12-04T23:00:00+0100", "２０２４-12-04T23:00:00Z",
                "2024-12-04T23:00:00.000Zjunk", "+2024-12-04T23:00:00Z", "2024-1x-04T23:00:00Z")) {
            assertThat(WireTime.parse(text)).as(text).isNull();
            Instant formatter;
            try {
                formatter = ISO.parse(text, Instant::from);
            } catch (DateTimeParseException refused) {
                assertThatThrownBy(() -> Json.parseTime(text)).as(text).isInstanceOf(DateTimeParseException.class);
                continue;
            }
            assertThat(Json.parseTime(text)).as(text + " still read by the formatter").isEqualTo(formatter);
        }
    }
}
