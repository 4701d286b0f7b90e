package dev.cloudjar.services.sqs.engine;

import dev.cloudjar.core.IdGenerator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The in-memory indexes of one queue's messages, used only under its {@link MessageQueue}'s lock:
 * all messages by sequence; for standard queues a ready set of visible messages; for FIFO queues the
 * messages of each group in send order; and a timeline of delayed and in-flight messages sorted by
 * the time they become visible. Every receive-state change is written to the {@link MessageStore}.
 */
final class QueueIndex {
    private static final Comparator<QueueMessage> BY_VISIBLE_AT =
            Comparator.<QueueMessage>comparingLong(m -> m.visibleAt).thenComparingLong(m -> m.sequence);

    /** What one pass over the queue produced: delivered messages and those due for the dead-letter queue. */
    record Taken(List<QueueMessage> delivered, List<QueueMessage> deadLettered) {
    }

    private final String key;
    private final boolean fifo;
    private final MessageStore store;
    private final IdGenerator ids;
    private final Map<Long, QueueMessage> messages = new HashMap<>();
    private final LinkedHashSet<QueueMessage> ready = new LinkedHashSet<>();
    private final LinkedHashMap<String, ArrayDeque<QueueMessage>> groups = new LinkedHashMap<>();
    private final TreeSet<QueueMessage> timeline = new TreeSet<>(BY_VISIBLE_AT);

    QueueIndex(String key, boolean fifo, MessageStore store, IdGenerator ids) {
        this.key = key;
        this.fifo = fifo;
        this.store = store;
        this.ids = ids;
    }

    QueueMessage get(long sequence) {
        return messages.get(sequence);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    List<QueueMessage> all() {
        return new ArrayList<>(messages.values());
    }

    /** When the next delayed or in-flight message becomes visible, or Long.MAX_VALUE. */
    long nextVisibleAt() {
        return timeline.isEmpty() ? Long.MAX_VALUE : timeline.first().visibleAt;
    }

    void add(QueueMessage m, long now) {
        messages.put(m.sequence, m);
        if (fifo) {
            groups.computeIfAbsent(m.stored.groupId(), g -> new ArrayDeque<>()).addLast(m);
            if (m.visibleAt > now) {
                toTimeline(m);
            }
        } else if (m.visibleAt > now) {
            toTimeline(m);
        } else {
            ready.add(m);
        }
    }

    private void toTimeline(QueueMessage m) {
        m.inTimeline = true;
        timeline.add(m);
    }

    private void fromTimeline(QueueMessage m) {
        if (m.inTimeline) {
            timeline.remove(m);
            m.inTimeline = false;
        }
    }

    private void promoteDue(long now) {
        while (!timeline.isEmpty() && timeline.first().visibleAt <= now) {
            QueueMessage m = timeline.pollFirst();
            m.inTimeline = false;
            if (!fifo) {
                ready.add(m);
            }
        }
    }

    /**
     * Delivers up to {@code max} visible messages (FIFO: group by group, in order, stopping at a
     * group's first invisible message), dropping expired ones and setting aside those that reached
     * {@code maxReceiveCount} when {@code redrive} is non-null.
     */
    Taken take(int max, int visibilityTimeout, long now, long retentionMillis, QueueSettings.RedrivePolicy redrive) {
        promoteDue(now);
        List<QueueMessage> taken = new ArrayList<>(Math.min(max, 10));
        List<QueueMessage> dead = null;
        if (messages.isEmpty()) {
            return new Taken(taken, null);
        }
        if (fifo) {
            Iterator<ArrayDeque<QueueMessage>> groupIt = groups.values().iterator();
            outer:
            while (groupIt.hasNext()) {
                ArrayDeque<QueueMessage> group = groupIt.next();
                Iterator<QueueMessage> it = group.iterator();
                while (it.hasNext()) {
                    QueueMessage m = it.next();
                    if (m.visibleAt > now) {
                        break;
                    }
                    boolean expired = now - m.stored.sentTimestamp() >= retentionMillis;
                    if (expired || redrive != null && m.receiveCount >= redrive.maxReceiveCount()) {
                        it.remove();
                        if (!expired) {
                            dead = add(dead, m);
                        }
                        forget(m);
                        continue;
                    }
                    taken.add(m);
                    deliver(m, visibilityTimeout, now);
                    if (taken.size() >= max) {
                        break outer;
                    }
                }
                if (group.isEmpty()) {
                    groupIt.remove();
                }
            }
            return new Taken(taken, dead);
        }
        List<QueueMessage> stillVisible = null;
        Iterator<QueueMessage> it = ready.iterator();
        while (taken.size() < max && it.hasNext()) {
            QueueMessage m = it.next();
            it.remove();
            if (now - m.stored.sentTimestamp() >= retentionMillis) {
                forget(m);
                continue;
            }
            if (redrive != null && m.receiveCount >= redrive.maxReceiveCount()) {
                dead = add(dead, m);
                forget(m);
                continue;
            }
            taken.add(m);
            deliver(m, visibilityTimeout, now);
            if (m.visibleAt <= now) {
                // a zero visibility timeout leaves the message visible: back in line after this pass
                stillVisible = add(stillVisible, m);
            }
        }
        if (stillVisible != null) {
            ready.addAll(stillVisible);
        }
        return new Taken(taken, dead);
    }

    private static List<QueueMessage> add(List<QueueMessage> list, QueueMessage m) {
        List<QueueMessage> out = list == null ? new ArrayList<>(2) : list;
        out.add(m);
        return out;
    }

    private void deliver(QueueMessage m, int visibilityTimeout, long now) {
        m.receiveCount++;
        if (m.firstReceiveTimestamp == 0) {
            m.firstReceiveTimestamp = now;
        }
        m.visibleAt = now + visibilityTimeout * 1000L;
        m.receiptNonce = ids.hex(8);
        if (visibilityTimeout > 0) {
            toTimeline(m);
        }
        store.putState(key, m);
    }

    /** Sets when an in-flight message becomes visible again (0: now). */
    void changeVisibility(QueueMessage m, int visibilityTimeout, long now) {
        fromTimeline(m);
        m.visibleAt = now + visibilityTimeout * 1000L;
        if (visibilityTimeout > 0) {
            toTimeline(m);
        } else if (!fifo) {
            ready.add(m);
        }
        store.putState(key, m);
    }

    void remove(QueueMessage m) {
        fromTimeline(m);
        if (fifo) {
            ArrayDeque<QueueMessage> group = groups.get(m.stored.groupId());
            if (group != null) {
                group.remove(m);
                if (group.isEmpty()) {
                    groups.remove(m.stored.groupId());
                }
            }
        } else {
            ready.remove(m);
        }
        forget(m);
    }

    /** Drops a message that is already out of the ready set and group structures. */
    private void forget(QueueMessage m) {
        fromTimeline(m);
        messages.remove(m.sequence);
        store.remove(key, m);
    }

    /** Takes up to {@code max} visible messages out of the queue, oldest first (message move tasks). */
    List<StoredMessage> drain(int max, long now) {
        promoteDue(now);
        List<QueueMessage> visible = new ArrayList<>();
        for (QueueMessage m : messages.values()) {
            if (m.visibleAt <= now) {
                visible.add(m);
            }
        }
        visible.sort(Comparator.comparingLong(m -> m.sequence));
        List<StoredMessage> out = new ArrayList<>();
        for (QueueMessage m : visible.subList(0, Math.min(max, visible.size()))) {
            out.add(m.stored);
            remove(m);
        }
        return out;
    }

    /** ApproximateNumberOfMessages, ...NotVisible and ...Delayed, in that order. */
    long[] counts(long now) {
        long notVisible = 0;
        long delayed = 0;
        for (QueueMessage m : timeline) {
            if (m.visibleAt <= now) {
                continue;
            }
            if (m.receiptNonce != null) {
                notVisible++;
            } else {
                delayed++;
            }
        }
        return new long[] {messages.size() - notVisible - delayed, notVisible, delayed};
    }

    void clear() {
        messages.clear();
        ready.clear();
        groups.clear();
        timeline.clear();
        store.removeAll(key);
    }
}
