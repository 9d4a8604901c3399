package dev.keywarden.model;

/**
 * How long a key lives from now, as the v2 key lifecycle takes it ({@code expiresInDays}): a whole number of
 * days, or {@link #NEVER}. The server turns it into {@code expiresAt}.
 *
 * @param days at least 1; null for a key that never expires
 */
public record KeyLifetime(Integer days) {

    public static final KeyLifetime NEVER = new KeyLifetime(null);

    public KeyLifetime {
        if (days != null && days < 1) {
            throw new IllegalArgumentException("A key's lifetime is at least 1 day, not " + days);
        }
    }

    public static KeyLifetime days(int days) {
        return new KeyLifetime(days);
    }

    public boolean isNever() {
        return days == null;
    }
}
