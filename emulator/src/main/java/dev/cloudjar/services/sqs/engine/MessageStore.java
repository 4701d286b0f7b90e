package dev.cloudjar.services.sqs.engine;

import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.persistence.StateStore;

/**
 * Where messages live in the state store: {@code sqs.messages} (written at send) and
 * {@code sqs.message-state} (written at each receive), both keyed by queue key and zero-padded
 * sequence so that a restart reads each queue's messages in send order.
 */
public final class MessageStore {
    private final PersistentMap<StoredMessage> messages;
    private final PersistentMap<MessageState> states;

    public MessageStore(StateStore store) {
        this.messages = store.map("sqs.messages", StoredMessage.class);
        this.states = store.map("sqs.message-state", MessageState.class);
    }

    /**
     * Rebuilds every stored message into its queue at start (in send order, with its receive state)
     * and returns the highest sequence seen. Messages whose queue no longer exists are dropped.
     */
    public long restore(java.util.function.Function<String, MessageQueue> queueOfMessageKey) {
        long max = 0;
        java.util.List<String> orphans = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, StoredMessage> e : messages.range(null, null)) {
            StoredMessage stored = e.getValue();
            max = Math.max(max, stored.sequence());
            MessageQueue queue = queueOfMessageKey.apply(e.getKey());
            if (queue == null) {
                orphans.add(e.getKey());
            } else {
                queue.restore(stored, states.get(e.getKey()));
            }
        }
        for (String key : orphans) {
            messages.remove(key);
            states.remove(key);
        }
        return max;
    }

    static String key(String queueKey, long sequence) {
        String digits = Long.toString(sequence);
        StringBuilder sb = new StringBuilder(queueKey.length() + 21).append(queueKey).append(KeyRanges.SEPARATOR);
        for (int i = digits.length(); i < 19; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    void put(String queueKey, StoredMessage message) {
        messages.put(key(queueKey, message.sequence()), message);
    }

    void putState(String queueKey, QueueMessage message) {
        states.put(key(queueKey, message.sequence), message.state());
    }

    void remove(String queueKey, QueueMessage message) {
        String key = key(queueKey, message.sequence);
        messages.remove(key);
        if (message.receiveCount > 0 || message.receiptNonce != null) {
            states.remove(key);
        }
    }

    /** Removes every message of every queue (reset). */
    public void clear() {
        messages.clear();
        states.clear();
    }

    /** Removes every message of a queue (purge, delete). */
    void removeAll(String queueKey) {
        String prefix = queueKey + KeyRanges.SEPARATOR;
        java.util.List<String> keys = new java.util.ArrayList<>();
        messages.keys(prefix, KeyRanges.prefixEnd(prefix)).forEach(keys::add);
        for (String key : keys) {
            messages.remove(key);
            states.remove(key);
        }
    }
}
