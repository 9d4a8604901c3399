package dev.keywarden.sandbox;

/**
 * A v2 rotation as asked for: {@code gracePeriodInHours} (0: the old value stops at once) and the new lifetime,
 * {@code expiresInDays}: left out keeps the expiry ({@code keepsExpiry}), null removes it, a number of days sets it.
 */
record RotationRequest(int gracePeriodInHours, boolean keepsExpiry, Integer expiresInDays) {
}
