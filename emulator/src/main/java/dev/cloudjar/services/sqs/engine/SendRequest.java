package dev.cloudjar.services.sqs.engine;

import java.util.Map;

/**
 * One message to send. {@code delaySeconds} null means the queue's delay; {@code senderId} is what
 * the {@code SenderId} system attribute shows (the caller's account). {@code systemAttributes} are the
 * message system attributes sent (only {@code AWSTraceHeader} exists), null when none were sent.
 */
public record SendRequest(String body, Integer delaySeconds, Map<String, MessageAttribute> attributes,
                          Map<String, MessageAttribute> systemAttributes, String groupId, String deduplicationId,
                          String senderId) {

    /** The {@code AWSTraceHeader} system attribute's value, or null. */
    public String traceHeader() {
        MessageAttribute trace = systemAttributes == null ? null : systemAttributes.get("AWSTraceHeader");
        return trace == null ? null : trace.stringValue();
    }

    public static SendRequest of(String body) {
        return new SendRequest(body, null, Map.of(), null, null, null, null);
    }

    public static SendRequest of(String body, Map<String, MessageAttribute> attributes) {
        return new SendRequest(body, null, attributes, null, null, null, null);
    }

    public SendRequest withGroup(String group, String deduplication) {
        return new SendRequest(body, delaySeconds, attributes, systemAttributes, group, deduplication, senderId);
    }
}
