package dev.cloudjar.services.eventbridge.model;

import java.util.Map;

/** A Scheduler schedule group; {@code default} always exists without being stored. */
public record ScheduleGroupRecord(String name, String arn, long createdMillis, long modifiedMillis, Map<String, String> tags) {
    public ScheduleGroupRecord withTags(Map<String, String> value) {
        return new ScheduleGroupRecord(name, arn, createdMillis, modifiedMillis, Map.copyOf(value));
    }
}
