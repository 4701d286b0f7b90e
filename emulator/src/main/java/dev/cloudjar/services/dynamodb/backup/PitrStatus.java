package dev.cloudjar.services.dynamodb.backup;

/**
 * DescribeContinuousBackups' answer: PITR on or off, the recovery period, and (when on) the earliest
 * and latest restorable times in epoch millis.
 */
public record PitrStatus(boolean enabled, Integer recoveryPeriodInDays, Long earliestRestorableMillis,
                         Long latestRestorableMillis) {
}
