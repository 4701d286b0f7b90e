package dev.cloudjar.services.s3.model;

import java.time.Instant;

/**
 * One object version's Object Lock state: a retention {@code mode} (GOVERNANCE or COMPLIANCE, null when
 * none) until {@code retainUntil}, and a {@code legalHold} (ON / OFF, null when never set).
 */
public record ObjectLock(String mode, Instant retainUntil, String legalHold) {
    public static final String GOVERNANCE = "GOVERNANCE";
    public static final String COMPLIANCE = "COMPLIANCE";
    public static final String ON = "ON";

    /** True while the retention forbids deleting the version or shortening its retention. */
    public boolean retains(Instant now) {
        return mode != null && retainUntil != null && retainUntil.isAfter(now);
    }

    public boolean held() {
        return ON.equals(legalHold);
    }

    public ObjectLock withRetention(String newMode, Instant until) {
        return new ObjectLock(newMode, until, legalHold);
    }

    public ObjectLock withLegalHold(String status) {
        return new ObjectLock(mode, retainUntil, status);
    }
}
