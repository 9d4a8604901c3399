package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the v2 key lifecycle's body fields, answering 400 with a short reason as {@link BodyFields} does.
 * The reference gives no limits; Keywarden decides: a lifetime of 1 to {@value #MAX_LIFETIME_DAYS} days (ten
 * years), a grace period of 0 to {@value #MAX_GRACE_HOURS} hours (a year). Whole numbers only: {@code 1.5} and
 * {@code "90"} are refused.
 */
final class LifecycleFields {

    static final String EXPIRES_IN_DAYS = "expiresInDays";
    static final String GRACE_PERIOD_IN_HOURS = "gracePeriodInHours";
    static final int MAX_LIFETIME_DAYS = 3650;
    static final int MAX_GRACE_HOURS = 8760;

    private LifecycleFields() {
    }

    /** A new key's {@code expiresInDays}: left out or null for a key that never expires. */
    static Integer lifetime(ObjectNode body) {
        JsonNode node = body.get(EXPIRES_IN_DAYS);
        return node == null || node.isNull() ? null : days(node);
    }

    static RotationRequest rotation(ObjectNode body) {
        JsonNode grace = body.get(GRACE_PERIOD_IN_HOURS);
        int hours = grace == null || grace.isNull() ? 0 : wholeNumber(grace, GRACE_PERIOD_IN_HOURS, 0, MAX_GRACE_HOURS,
                "Field \"" + GRACE_PERIOD_IN_HOURS + "\" must be a whole number of hours from 0 to " + MAX_GRACE_HOURS);
        JsonNode lifetime = body.get(EXPIRES_IN_DAYS);
        if (lifetime == null) {
            return new RotationRequest(hours, true, null);
        }
        return new RotationRequest(hours, false, lifetime.isNull() ? null : days(lifetime));
    }

    private static int days(JsonNode node) {
        return wholeNumber(node, EXPIRES_IN_DAYS, 1, MAX_LIFETIME_DAYS,
                "Field \"" + EXPIRES_IN_DAYS + "\" must be a whole number of days from 1 to " + MAX_LIFETIME_DAYS + ", or null");
    }

    private static int wholeNumber(JsonNode node, String field, int min, int max, String problem) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw ApiError.badRequest(problem);
        }
        return node.intValue();
    }
}
