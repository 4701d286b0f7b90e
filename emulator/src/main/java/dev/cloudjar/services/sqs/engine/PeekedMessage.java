package dev.cloudjar.services.sqs.engine;

/**
 * A message as the console shows it without receiving it: {@code visible} is whether a ReceiveMessage
 * now could return it (not in flight, not delayed).
 */
public record PeekedMessage(String messageId, String body, long sentTimestamp, int receiveCount, boolean visible,
                            String messageGroupId) {
}
