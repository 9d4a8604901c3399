package dev.keywarden.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code --stale never}: keys never used; {@code --stale DAYS}: keys not used in the last DAYS days,
 * never-used keys included. A stand-in for the staleness rules being built in {@code core}.
 *
 * @param days null for "never used"
 */
record Staleness(Integer days) {

    boolean matches(Instant lastUsed, Instant now) {
        if (days == null) {
            return lastUsed == null;
        }
        return lastUsed == null || lastUsed.isBefore(now.minus(Duration.ofDays(days)));
    }

    static final class Converter implements CommandLine.ITypeConverter<Staleness> {
        @Override
        public Staleness convert(String text) {
            String value = text.strip();
            if (value.equalsIgnoreCase("never")) {
                return new Staleness(null);
            }
            try {
                int days = Integer.parseInt(value);
                if (days >= 1) {
                    return new Staleness(days);
                }
            } catch (NumberFormatException e) {
                // explained below
            }
            throw new CommandLine.TypeConversionException("give a number of days (1 or more) or 'never'");
        }
    }
}
