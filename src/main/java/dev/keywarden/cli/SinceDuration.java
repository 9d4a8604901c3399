package dev.keywarden.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --since 30m}, {@code 2h}, {@code 7d}, {@code 2w}: a whole number and a unit. */
final class SinceDuration implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*([mhdw])");

    @Override
    public Duration convert(String text) {
        Matcher form = FORM.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!form.matches() || Long.parseLong(form.group(1)) == 0) {
            throw new CommandLine.TypeConversionException("give a duration like 30m, 2h, 7d or 2w (minutes, hours, days, weeks)");
        }
        long amount = Long.parseLong(form.group(1));
        return switch (form.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
    }
}
