package dev.keywarden.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times read in the console's tables and the command line's: relative for last use, exact local time for created and in tooltips. */
public final class TimeText {
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter LOCAL_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TimeText() {
    }

    /** "just now", "12 min ago", "3 h ago", "5 d ago", "7 mo ago", "2 y ago", or "never". */
    public static String relative(Instant time, Clock clock) {
        if (time == null) {
            return "never";
        }
        Duration age = Duration.between(time, clock.instant());
        if (age.isNegative() || age.toSeconds() < 60) {
            return "just now";
        }
        if (age.toMinutes() < 60) {
            return age.toMinutes() + " min ago";
        }
        if (age.toHours() < 24) {
            return age.toHours() + " h ago";
        }
        long days = age.toDays();
        if (days < 60) {
            return days + " d ago";
        }
        if (days < 730) {
            return days / 30 + " mo ago";
        }
        return days / 365 + " y ago";
    }

    /** Exact local time with the zone, for tooltips. */
    public static String exact(Instant time, ZoneId zone) {
        if (time == null) {
            return "Never used";
        }
        return LOCAL.withZone(zone).format(time) + " " + zoneName(zone);
    }

    /** A zone as people say it: "UTC" for every spelling of it ("Etc/UTC", "Z", "GMT"), else its region ("Europe/Paris"). */
    public static String zoneName(ZoneId zone) {
        ZoneId normal = zone.normalized();
        if (normal.equals(java.time.ZoneOffset.UTC)) {
            return "UTC";
        }
        return normal instanceof java.time.ZoneOffset offset ? "UTC" + offset.getId() : zone.getId();
    }

    public static String date(Instant time, ZoneId zone) {
        return time == null ? "" : LOCAL_DATE.withZone(zone).format(time);
    }
}
