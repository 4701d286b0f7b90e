package dev.cloudjar.services.sqs.engine;

/**
 * A message in memory: its stored (immutable) part plus the receive state. Mutated only under the
 * owning {@link MessageQueue}'s lock; {@code visibleAt} changes only while the message is outside the
 * queue's timeline (the timeline is sorted by it).
 */
final class QueueMessage {
    final StoredMessage stored;
    final long sequence;
    int receiveCount;
    long firstReceiveTimestamp;
    long visibleAt;
    String receiptNonce;
    boolean inTimeline;
    private String md5OfBody;

    QueueMessage(StoredMessage stored) {
        this.stored = stored;
        this.sequence = stored.sequence();
        this.receiveCount = stored.receiveCount();
        this.firstReceiveTimestamp = stored.firstReceiveTimestamp();
        this.visibleAt = stored.initialVisibleAt();
    }

    String md5OfBody() {
        if (md5OfBody == null) {
            md5OfBody = MessageDigests.md5Hex(stored.body());
        }
        return md5OfBody;
    }

    MessageState state() {
        return new MessageState(receiveCount, firstReceiveTimestamp, visibleAt, receiptNonce);
    }

    void restore(MessageState state) {
        receiveCount = state.receiveCount();
        firstReceiveTimestamp = state.firstReceiveTimestamp();
        visibleAt = state.visibleAt();
        receiptNonce = state.receiptNonce();
    }

    boolean inFlight(long now) {
        return visibleAt > now && receiptNonce != null;
    }
}
