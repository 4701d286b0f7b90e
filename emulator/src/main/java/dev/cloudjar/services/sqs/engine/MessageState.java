package dev.cloudjar.services.sqs.engine;

/**
 * What a receive changes: the receive count, first receive time, when the message becomes visible
 * again (epoch ms) and the current receipt handle's nonce. Stored beside {@link StoredMessage} so a
 * restart rebuilds in-flight messages as in flight.
 */
public record MessageState(int receiveCount, long firstReceiveTimestamp, long visibleAt, String receiptNonce) {
}
