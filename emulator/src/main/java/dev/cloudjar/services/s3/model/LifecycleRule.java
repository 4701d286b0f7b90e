package dev.cloudjar.services.s3.model;

import java.util.List;

/**
 * What S3 checks of a lifecycle rule: its ID, Status, how many actions it names and each day count an
 * action carries (by element name, e.g. {@code Expiration/Days}; null values when not numbers).
 */
public record LifecycleRule(String id, String status, int actions, List<DayCount> dayCounts, boolean hasFilterOrPrefix) {
    public LifecycleRule {
        dayCounts = dayCounts == null ? List.of() : List.copyOf(dayCounts);
    }

    public record DayCount(String action, String element, String value) {
    }
}
