package dev.keywarden.cli;

import dev.keywarden.core.rotate.LifecycleDurations;
import dev.keywarden.model.KeyLifetime;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --expires-in 90d} or {@code --no-expiry}: a key's lifetime from now (v2); neither keeps what there is. */
final class LifetimeOptions {
    @Option(names = "--expires-in", paramLabel = "DAYS", converter = DaysConverter.class,
            description = "the key expires this long from now: 30d, 90d, 2w (whole days; needs a server with key expiry)")
    Integer days;

    @Option(names = "--no-expiry", description = "the key never expires")
    boolean never;

    /** The lifetime asked for; null when neither option was given. */
    KeyLifetime lifetime() {
        if (days != null && never) {
            throw new CliFailure("Give --expires-in or --no-expiry, not both. Nothing was changed.");
        }
        return never ? KeyLifetime.NEVER : days == null ? null : KeyLifetime.days(days);
    }

    static final class DaysConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                return LifecycleDurations.lifetimeDays(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
