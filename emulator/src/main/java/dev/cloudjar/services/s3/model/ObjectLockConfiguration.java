package dev.cloudjar.services.s3.model;

/**
 * A bucket's Object Lock configuration: enabled (always, once present) and an optional default
 * retention ({@code mode} with either {@code days} or {@code years}; all null when there is no rule).
 */
public record ObjectLockConfiguration(String mode, Integer days, Integer years) {
    public static ObjectLockConfiguration enabledWithoutRule() {
        return new ObjectLockConfiguration(null, null, null);
    }

    public boolean hasDefaultRetention() {
        return mode != null;
    }
}
