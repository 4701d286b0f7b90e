package dev.cloudjar.services.eventbridge.model;

import java.util.Map;

/**
 * An event bus; the default bus exists in every account and region and is stored only once it has
 * something of its own (a description or a policy). {@code policy} is the resource policy JSON or null.
 */
public record EventBusRecord(String name, String arn, String description, long createdMillis, long modifiedMillis,
                             Map<String, String> tags, String policy) {
    public EventBusRecord withTags(Map<String, String> value) {
        return new EventBusRecord(name, arn, description, createdMillis, modifiedMillis, Map.copyOf(value), policy);
    }

    public EventBusRecord withDescription(String value, long now) {
        return new EventBusRecord(name, arn, value, createdMillis, now, tags, policy);
    }

    public EventBusRecord withPolicy(String value, long now) {
        return new EventBusRecord(name, arn, description, createdMillis, now, tags, value);
    }
}
