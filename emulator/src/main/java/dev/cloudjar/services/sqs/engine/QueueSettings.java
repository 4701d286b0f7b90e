package dev.cloudjar.services.sqs.engine;

import java.util.Map;

/**
 * A queue's effective settings, decoded once from its attribute map (validated strings) so the hot
 * path reads fields instead of parsing. Built by {@link QueueAttributes}.
 */
public record QueueSettings(
        boolean fifo,
        int visibilityTimeout,
        int delaySeconds,
        int maximumMessageSize,
        int messageRetentionPeriod,
        int receiveMessageWaitTimeSeconds,
        boolean contentBasedDeduplication,
        boolean deduplicationScopeMessageGroup,
        RedrivePolicy redrivePolicy) {

    /** The parsed {@code RedrivePolicy}: where a message goes after {@code maxReceiveCount} receives. */
    public record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {
    }

    static QueueSettings of(Map<String, String> attributes) {
        boolean fifo = "true".equals(attributes.get("FifoQueue"));
        return new QueueSettings(
                fifo,
                intOf(attributes, "VisibilityTimeout", QueueAttributes.DEFAULT_VISIBILITY_TIMEOUT),
                intOf(attributes, "DelaySeconds", 0),
                intOf(attributes, "MaximumMessageSize", QueueAttributes.MAX_MESSAGE_SIZE),
                intOf(attributes, "MessageRetentionPeriod", QueueAttributes.DEFAULT_RETENTION),
                intOf(attributes, "ReceiveMessageWaitTimeSeconds", 0),
                "true".equals(attributes.get("ContentBasedDeduplication")),
                "messageGroup".equals(attributes.get("DeduplicationScope")),
                QueueAttributes.parseRedrivePolicy(attributes.get("RedrivePolicy")));
    }

    private static int intOf(Map<String, String> attributes, String name, int fallback) {
        String value = attributes.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
