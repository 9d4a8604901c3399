package dev.keywarden.core.rotate;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grace periods and lifetimes as an admin types them: {@code 0}, {@code 1h}, {@code 24h}, {@code 7d}, {@code 2w};
 * lifetimes in whole days ({@code 90d}, {@code 90}). The server takes grace in whole hours and lifetimes in
 * whole days, so nothing finer is accepted rather than silently rounded.
 */
public final class LifecycleDurations {
    /** The longest grace period accepted: a year. */
    public static final Duration LONGEST_GRACE = Duration.ofDays(365);
    /** The longest lifetime accepted: ten years. */
    public static final int LONGEST_LIFETIME_DAYS = 3650;
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*([hdw]?)");

    private LifecycleDurations() {
    }

    /** A grace period: {@code 0} (the old value stops at once), or hours, days or weeks ({@code 24h}, {@code 7d}). */
    public static Duration grace(String text) {
        Matcher form = FORM.matcher(normal(text));
        if (!form.matches() || (form.group(2).isEmpty() && Long.parseLong(form.group(1)) != 0)) {
            throw new IllegalArgumentException("Give the grace period as 0 or a whole number of hours, days or weeks, e.g. 1h, 24h, 7d.");
        }
        long amount = Long.parseLong(form.group(1));
        Duration grace = switch (form.group(2)) {
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            case "w" -> Duration.ofDays(7 * amount);
            default -> Duration.ZERO;
        };
        if (grace.compareTo(LONGEST_GRACE) > 0) {
            throw new IllegalArgumentException("A grace period of at most 365 days, please.");
        }
        return grace;
    }

    /** A lifetime in whole days: {@code 90d}, {@code 90}, {@code 2w}; at least 1 day. */
    public static int lifetimeDays(String text) {
        Matcher form = FORM.matcher(normal(text));
        if (!form.matches() || form.group(2).equals("h")) {
            throw new IllegalArgumentException("Give the lifetime as a whole number of days or weeks, e.g. 30d, 90d, 2w.");
        }
        long days = Long.parseLong(form.group(1)) * (form.group(2).equals("w") ? 7 : 1);
        if (days < 1 || days > LONGEST_LIFETIME_DAYS) {
            throw new IllegalArgumentException("A lifetime from 1 to 3650 days, please.");
        }
        return (int) days;
    }

    /** "none", "1 h", "24 h", "7 d": a grace period in words. */
    public static String words(Duration grace) {
        if (grace.isZero()) {
            return "none";
        }
        long hours = grace.toHours();
        return hours % 24 == 0 ? hours / 24 + " d" : hours + " h";
    }

    private static String normal(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
