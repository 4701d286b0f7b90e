package dev.cloudjar.services.eventbridge.model;

import java.util.Map;

/** An event bus; the default bus exists in every account and region without being stored. */
public record EventBusRecord(String name, String arn, String description, long createdMillis, long modifiedMillis,
                             Map<String, String> tags) {
    public EventBusRecord withTags(Map<String, String> value) {
        return new EventBusRecord(name, arn, description, createdMillis, modifiedMillis, Map.copyOf(value));
    }
}
