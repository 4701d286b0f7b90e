package dev.cloudjar.services.sqs.engine;

import java.util.Map;

/**
 * The immutable part of a message as the store keeps it (written once, at send). What changes on
 * every receive lives in {@link MessageState}, so receiving never re-encodes the body.
 * {@code sequence} orders messages in their queue; times are epoch milliseconds.
 */
public record StoredMessage(int version, long sequence, String messageId, String body,
                            Map<String, MessageAttribute> attributes, String traceHeader, long sentTimestamp,
                            String senderId, String groupId, String deduplicationId, String deadLetterSourceArn,
                            long initialVisibleAt, int receiveCount, long firstReceiveTimestamp) {
    public static final int CURRENT_VERSION = 1;
}
