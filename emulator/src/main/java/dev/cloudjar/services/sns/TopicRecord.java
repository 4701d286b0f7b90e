package dev.cloudjar.services.sns;

import java.util.Map;

/**
 * A topic as stored: the attributes the caller set (computed ones such as subscription counts are
 * added when read) and its tags in insertion order.
 */
public record TopicRecord(int version, String arn, String name, Map<String, String> attributes, Map<String, String> tags,
                          long createdMillis) {
    public boolean fifo() {
        return "true".equalsIgnoreCase(attributes.get("FifoTopic"));
    }

    public boolean contentBasedDeduplication() {
        return "true".equalsIgnoreCase(attributes.get("ContentBasedDeduplication"));
    }

    TopicRecord withAttributes(Map<String, String> value) {
        return new TopicRecord(version, arn, name, value, tags, createdMillis);
    }

    TopicRecord withTags(Map<String, String> value) {
        return new TopicRecord(version, arn, name, attributes, value, createdMillis);
    }
}
