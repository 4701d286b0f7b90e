package dev.cloudjar.services.dynamodb.backup;

/**
 * A table's point-in-time recovery setting as stored: on or off, the recovery period in days and the
 * moment it was last switched on (the earliest restorable time until the period rolls past it).
 */
public record PitrSettings(int version, boolean enabled, int recoveryPeriodInDays, long enabledSinceMillis) {
    public static final int FORMAT = 1;
}
