package dev.keywarden.cli;

import dev.keywarden.core.keys.Staleness;
import dev.keywarden.model.ApiKey;
import picocli.CommandLine;

/**
 * The value of {@code --stale}: {@code never} keeps keys never used; {@code DAYS} keeps keys not used
 * in the last DAYS days, never-used keys included. The rule itself is {@link Staleness}'s, as in the console.
 *
 * @param days null for "never used"
 */
record StaleOption(Integer days) {

    boolean matches(Staleness staleness, ApiKey key) {
        if (staleness.isNeverUsed(key)) {
            return true;
        }
        return days != null && staleness.isUnusedForMoreThan(key, days);
    }

    static final class Converter implements CommandLine.ITypeConverter<StaleOption> {
        @Override
        public StaleOption convert(String text) {
            String value = text.strip();
            if (value.equalsIgnoreCase("never")) {
                return new StaleOption(null);
            }
            try {
                int days = Integer.parseInt(value);
                if (days >= 1) {
                    return new StaleOption(days);
                }
            } catch (NumberFormatException e) {
                // explained below
            }
            throw new CommandLine.TypeConversionException("give a number of days (1 or more) or 'never'");
        }
    }
}
