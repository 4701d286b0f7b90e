package dev.cloudjar.services.sqs.engine;

import java.util.Map;

/**
 * One message to send. {@code delaySeconds} null means the queue's delay; {@code senderId} is what
 * the {@code SenderId} system attribute shows (the caller's access key or account).
 * {@code traceHeader} is the {@code AWSTraceHeader} system attribute, if any.
 */
public record SendRequest(String body, Integer delaySeconds, Map<String, MessageAttribute> attributes,
                          String traceHeader, String groupId, String deduplicationId, String senderId) {

    public static SendRequest of(String body) {
        return new SendRequest(body, null, Map.of(), null, null, null, null);
    }

    public static SendRequest of(String body, Map<String, MessageAttribute> attributes) {
        return new SendRequest(body, null, attributes, null, null, null, null);
    }

    public SendRequest withGroup(String group, String deduplication) {
        return new SendRequest(body, delaySeconds, attributes, traceHeader, group, deduplication, senderId);
    }
}
