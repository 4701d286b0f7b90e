package dev.cloudjar.services.sqs.engine;

import dev.cloudjar.core.IdGenerator;
import java.time.Clock;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One queue's messages, with no HTTP: standard queues (a ready set plus a timeline of delayed and
 * in-flight messages) and FIFO queues (per-group order, a group blocked while its head is invisible,
 * 5-minute deduplication). Long polls are {@link CompletableFuture}s parked in a waiter list and
 * completed when a message becomes receivable (send, visibility or delay expiry via one scheduler
 * thread) or when their wait ends, so no thread waits. All state changes happen under one lock and
 * are written to the {@link MessageStore} before the call returns; futures complete and dead-letter
 * moves happen after the lock is released.
 */
public final class MessageQueue {
    /** Where messages that exceeded maxReceiveCount go; resolved by the backend from the redrive ARN. */
    public interface DeadLetterRouter {
        MessageQueue find(String queueArn);
    }

    private static final long DEDUP_WINDOW_MILLIS = 5 * 60 * 1000L;
    private static final Comparator<QueueMessage> BY_VISIBLE_AT =
            Comparator.<QueueMessage>comparingLong(m -> m.visibleAt).thenComparingLong(m -> m.sequence);

    private final QueueName name;
    private final String key;
    private final MessageStore store;
    private final Clock clock;
    private final IdGenerator ids;
    private final ScheduledExecutorService timers;
    private final DeadLetterRouter router;
    private final Executor completions;
    private final ReentrantLock lock = new ReentrantLock();

    private final Map<Long, QueueMessage> messages = new HashMap<>();
    private final LinkedHashSet<QueueMessage> ready = new LinkedHashSet<>();
    private final LinkedHashMap<String, ArrayDeque<QueueMessage>> groups = new LinkedHashMap<>();
    private final TreeSet<QueueMessage> timeline = new TreeSet<>(BY_VISIBLE_AT);
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final LinkedHashMap<String, SendOutcome> deduplication = new LinkedHashMap<>();
    private final Map<String, Attempt> attempts = new HashMap<>();

    private volatile StoredQueue queue;
    private volatile QueueSettings settings;
    private volatile boolean deleted;
    private long wakeAt = Long.MAX_VALUE;
    private long lastPurge = Long.MIN_VALUE;

    /** What a send produced (or, for a deduplicated FIFO send, what the first send produced). */
    public record SendOutcome(String messageId, long sequence, long expiresAt) {
        public String sequenceNumber() {
            return SequenceNumbers.format(sequence);
        }
    }

    /** Receive parameters after defaults were applied. */
    record Receive(int max, int visibilityTimeout, AttributeSelection selection, String attemptId) {
    }

    private record Attempt(long expiresAt, List<QueueMessage> messages, List<String> nonces) {
    }

    private static final class Waiter {
        final Receive receive;
        final CompletableFuture<List<ReceivedMessage>> future = new CompletableFuture<>();
        ScheduledFuture<?> timeout;

        Waiter(Receive receive) {
            this.receive = receive;
        }
    }

    public MessageQueue(StoredQueue queue, MessageStore store, Clock clock, IdGenerator ids,
                        ScheduledExecutorService timers, Executor completions, DeadLetterRouter router) {
        this.name = new QueueName(queue.account(), queue.region(), queue.name());
        this.key = name.key();
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.timers = timers;
        this.router = router;
        this.completions = completions;
        update(queue);
    }

    public QueueName name() {
        return name;
    }

    public StoredQueue stored() {
        return queue;
    }

    public QueueSettings settings() {
        return settings;
    }

    public boolean deleted() {
        return deleted;
    }

    /** Replaces the queue's definition (attributes, tags); the caller has stored it. */
    public void update(StoredQueue next) {
        this.queue = next;
        this.settings = QueueSettings.of(next.attributes());
    }

    // ---- send ----------------------------------------------------------------------------------

    /**
     * Enqueues a validated message. For FIFO queues a send whose deduplication key was seen within
     * five minutes is answered with the first send's outcome and not enqueued.
     */
    public SendOutcome send(SendRequest request, String deduplicationId, String messageId, long sequence) {
        List<Runnable> after = new ArrayList<>(1);
        lock.lock();
        try {
            ensureExists();
            long now = clock.millis();
            QueueSettings s = settings;
            String dedupKey = null;
            if (s.fifo()) {
                expireDeduplication(now);
                dedupKey = s.deduplicationScopeMessageGroup() ? request.groupId() + '\u0000' + deduplicationId : deduplicationId;
                SendOutcome previous = deduplication.get(dedupKey);
                if (previous != null) {
                    return previous;
                }
            }
            int delay = request.delaySeconds() != null ? request.delaySeconds() : s.delaySeconds();
            StoredMessage stored = new StoredMessage(StoredMessage.CURRENT_VERSION, sequence, messageId, request.body(),
                    request.attributes(), request.traceHeader(), now, request.senderId(), request.groupId(),
                    s.fifo() ? deduplicationId : null, null, now + delay * 1000L, 0, 0);
            store.put(key, stored);
            add(new QueueMessage(stored, 0), now);
            SendOutcome outcome = new SendOutcome(messageId, sequence, now + DEDUP_WINDOW_MILLIS);
            if (dedupKey != null) {
                deduplication.put(dedupKey, outcome);
            }
            serveWaiters(now, after);
            return outcome;
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
    }

    /** Adds a message moved here from another queue (dead-letter redrive or a move task). */
    public void accept(StoredMessage moved) {
        List<Runnable> after = new ArrayList<>(1);
        lock.lock();
        try {
            if (deleted) {
                return;
            }
            long now = clock.millis();
            store.put(key, moved);
            QueueMessage m = new QueueMessage(moved, 0);
            add(m, now);
            serveWaiters(now, after);
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
    }

    /** Rebuilds a stored message at start, with its receive state if it had one. */
    public void restore(StoredMessage stored, MessageState state) {
        lock.lock();
        try {
            QueueMessage m = new QueueMessage(stored, 0);
            if (state != null) {
                m.restore(state);
            }
            add(m, clock.millis());
        } finally {
            lock.unlock();
        }
    }

    private void add(QueueMessage m, long now) {
        messages.put(m.sequence, m);
        if (settings.fifo()) {
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

    // ---- receive -------------------------------------------------------------------------------

    /**
     * Receives up to {@code receive.max} messages; when none is available and {@code waitMillis > 0}
     * the returned future completes when one arrives or the wait ends (with an empty list).
     */
    public CompletableFuture<List<ReceivedMessage>> receive(int max, int visibilityTimeout, List<String> systemAttributeNames,
                                                            List<String> messageAttributeNames, String attemptId, long waitMillis) {
        Receive receive = new Receive(max, visibilityTimeout,
                new AttributeSelection(systemAttributeNames, messageAttributeNames), attemptId);
        List<Runnable> after = new ArrayList<>(2);
        lock.lock();
        try {
            ensureExists();
            long now = clock.millis();
            if (receive.attemptId() != null && settings.fifo()) {
                List<ReceivedMessage> repeated = repeatAttempt(receive, now);
                if (repeated != null) {
                    return CompletableFuture.completedFuture(repeated);
                }
            }
            List<ReceivedMessage> got = take(receive, now, after);
            if (!got.isEmpty() || waitMillis <= 0) {
                return CompletableFuture.completedFuture(got);
            }
            Waiter waiter = new Waiter(receive);
            waiters.addLast(waiter);
            waiter.timeout = timers.schedule(() -> expire(waiter), waitMillis, TimeUnit.MILLISECONDS);
            scheduleWake(now);
            return waiter.future;
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
    }

    private void expire(Waiter waiter) {
        List<Runnable> after = new ArrayList<>(1);
        List<ReceivedMessage> got = List.of();
        lock.lock();
        try {
            if (!waiters.remove(waiter)) {
                return;
            }
            if (!deleted) {
                got = take(waiter.receive, clock.millis(), after);
            }
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
        waiter.future.complete(got);
    }

    private void wake() {
        List<Runnable> after = new ArrayList<>(2);
        lock.lock();
        try {
            wakeAt = Long.MAX_VALUE;
            if (!deleted) {
                serveWaiters(clock.millis(), after);
            }
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
    }

    /** Hands receivable messages to parked long polls, oldest first; schedules the next wake-up. */
    private void serveWaiters(long now, List<Runnable> after) {
        while (!waiters.isEmpty()) {
            Waiter waiter = waiters.peekFirst();
            List<ReceivedMessage> got = take(waiter.receive, now, after);
            if (got.isEmpty()) {
                break;
            }
            waiters.pollFirst();
            waiter.timeout.cancel(false);
            // completed on the delivery pool so a sender's thread never writes another client's response
            after.add(() -> completions.execute(() -> waiter.future.complete(got)));
        }
        scheduleWake(now);
    }

    private void scheduleWake(long now) {
        if (waiters.isEmpty() || timeline.isEmpty()) {
            return;
        }
        long next = timeline.first().visibleAt;
        if (next < wakeAt) {
            wakeAt = next;
            timers.schedule(this::wake, Math.max(0, next - now), TimeUnit.MILLISECONDS);
        }
    }

    private void promoteDue(long now) {
        while (!timeline.isEmpty() && timeline.first().visibleAt <= now) {
            QueueMessage m = timeline.pollFirst();
            m.inTimeline = false;
            if (!settings.fifo()) {
                ready.add(m);
            }
        }
    }

    private List<ReceivedMessage> take(Receive receive, long now, List<Runnable> after) {
        promoteDue(now);
        if (messages.isEmpty()) {
            return List.of();
        }
        QueueSettings s = settings;
        long retentionMillis = s.messageRetentionPeriod() * 1000L;
        QueueSettings.RedrivePolicy redrive = s.redrivePolicy();
        MessageQueue deadLetter = redrive == null ? null : router.find(redrive.deadLetterTargetArn());
        List<QueueMessage> taken = new ArrayList<>(Math.min(receive.max(), 10));
        List<StoredMessage> toDeadLetter = null;
        if (s.fifo()) {
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
                    if (now - m.stored.sentTimestamp() >= retentionMillis || (deadLetter != null && m.receiveCount >= redrive.maxReceiveCount())) {
                        it.remove();
                        if (deadLetter != null && now - m.stored.sentTimestamp() < retentionMillis) {
                            toDeadLetter = deadLettered(toDeadLetter, m);
                        }
                        forget(m);
                        continue;
                    }
                    taken.add(m);
                    deliver(m, receive.visibilityTimeout(), now);
                    if (taken.size() >= receive.max()) {
                        break outer;
                    }
                }
                if (group.isEmpty()) {
                    groupIt.remove();
                }
            }
        } else {
            List<QueueMessage> stillVisible = null;
            Iterator<QueueMessage> it = ready.iterator();
            while (taken.size() < receive.max() && it.hasNext()) {
                QueueMessage m = it.next();
                it.remove();
                if (now - m.stored.sentTimestamp() >= retentionMillis) {
                    forget(m);
                    continue;
                }
                if (deadLetter != null && m.receiveCount >= redrive.maxReceiveCount()) {
                    toDeadLetter = deadLettered(toDeadLetter, m);
                    forget(m);
                    continue;
                }
                taken.add(m);
                deliver(m, receive.visibilityTimeout(), now);
                if (m.visibleAt <= now) {
                    stillVisible = stillVisible == null ? new ArrayList<>(2) : stillVisible;
                    stillVisible.add(m);
                }
            }
            if (stillVisible != null) {
                ready.addAll(stillVisible);
            }
        }
        if (toDeadLetter != null) {
            List<StoredMessage> moved = toDeadLetter;
            after.add(() -> moved.forEach(deadLetter::accept));
        }
        if (taken.isEmpty()) {
            return List.of();
        }
        List<ReceivedMessage> out = new ArrayList<>(taken.size());
        for (QueueMessage m : taken) {
            out.add(receive.selection().render(m, handle(m), s.fifo()));
        }
        if (receive.attemptId() != null && s.fifo()) {
            List<String> nonces = new ArrayList<>(taken.size());
            taken.forEach(m -> nonces.add(m.receiptNonce));
            attempts.put(receive.attemptId(), new Attempt(now + DEDUP_WINDOW_MILLIS, taken, nonces));
        }
        return out;
    }

    private List<StoredMessage> deadLettered(List<StoredMessage> list, QueueMessage m) {
        List<StoredMessage> out = list == null ? new ArrayList<>(2) : list;
        StoredMessage s = m.stored;
        out.add(new StoredMessage(StoredMessage.CURRENT_VERSION, s.sequence(), s.messageId(), s.body(), s.attributes(),
                s.traceHeader(), s.sentTimestamp(), s.senderId(), s.groupId(), s.deduplicationId(), name.arn(),
                0, m.receiveCount, m.firstReceiveTimestamp));
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

    private String handle(QueueMessage m) {
        return ReceiptHandles.encode(name.name(), m.sequence, m.receiptNonce);
    }

    private List<ReceivedMessage> repeatAttempt(Receive receive, long now) {
        attempts.values().removeIf(a -> a.expiresAt() <= now);
        Attempt attempt = attempts.get(receive.attemptId());
        if (attempt == null) {
            return null;
        }
        List<ReceivedMessage> out = new ArrayList<>(attempt.messages().size());
        for (int i = 0; i < attempt.messages().size(); i++) {
            QueueMessage m = attempt.messages().get(i);
            if (messages.get(m.sequence) != m || !attempt.nonces().get(i).equals(m.receiptNonce) || !m.inFlight(now)) {
                attempts.remove(receive.attemptId());
                return null;
            }
            out.add(receive.selection().render(m, handle(m), true));
        }
        return out;
    }

    // ---- delete, visibility, purge ---------------------------------------------------------------

    /**
     * Deletes the message a receipt handle names. A handle of a message already gone, or an older
     * handle of a message received again since, is accepted without effect (as AWS does).
     */
    public void delete(String receiptHandle) {
        ReceiptHandles.Handle h = ReceiptHandles.decode(name.name(), receiptHandle);
        List<Runnable> after = new ArrayList<>(1);
        lock.lock();
        try {
            ensureExists();
            QueueMessage m = messages.get(h.sequence());
            if (m == null || !h.nonce().equals(m.receiptNonce)) {
                return;
            }
            long now = clock.millis();
            if (settings.fifo() && m.visibleAt <= now) {
                throw SqsErrors.receiptHandleExpired(receiptHandle);
            }
            remove(m);
            if (settings.fifo()) {
                serveWaiters(now, after);
            }
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
    }

    /** Changes the visibility timeout of an in-flight message, counted from now. */
    public void changeVisibility(String receiptHandle, int visibilityTimeout) {
        ReceiptHandles.Handle h = ReceiptHandles.decode(name.name(), receiptHandle);
        List<Runnable> after = new ArrayList<>(1);
        lock.lock();
        try {
            ensureExists();
            QueueMessage m = messages.get(h.sequence());
            if (m == null || !h.nonce().equals(m.receiptNonce)) {
                throw SqsErrors.receiptHandleExpired(receiptHandle);
            }
            long now = clock.millis();
            if (m.visibleAt <= now) {
                throw SqsErrors.messageNotInflight();
            }
            if (m.inTimeline) {
                timeline.remove(m);
                m.inTimeline = false;
            }
            m.visibleAt = now + visibilityTimeout * 1000L;
            if (visibilityTimeout > 0) {
                toTimeline(m);
            } else if (!settings.fifo()) {
                ready.add(m);
            }
            store.putState(key, m);
            if (visibilityTimeout == 0) {
                serveWaiters(now, after);
            } else {
                scheduleWake(now);
            }
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
    }

    private void remove(QueueMessage m) {
        if (m.inTimeline) {
            timeline.remove(m);
            m.inTimeline = false;
        }
        if (settings.fifo()) {
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
        if (m.inTimeline) {
            timeline.remove(m);
            m.inTimeline = false;
        }
        messages.remove(m.sequence);
        store.remove(key, m);
    }

    /** Deletes every message and the FIFO deduplication history; at most once per 60 seconds. */
    public void purge() {
        lock.lock();
        try {
            ensureExists();
            long now = clock.millis();
            if (lastPurge != Long.MIN_VALUE && now - lastPurge < 60_000) {
                throw SqsErrors.purgeQueueInProgress(name.arn());
            }
            lastPurge = now;
            clearMessages();
        } finally {
            lock.unlock();
        }
    }

    private void clearMessages() {
        messages.clear();
        ready.clear();
        groups.clear();
        timeline.clear();
        deduplication.clear();
        attempts.clear();
        store.removeAll(key);
    }

    /** Ends every parked long poll with no messages (shutdown); stored state is untouched. */
    public void endWaits() {
        List<Waiter> ended;
        lock.lock();
        try {
            ended = new ArrayList<>(waiters);
            waiters.clear();
        } finally {
            lock.unlock();
        }
        for (Waiter w : ended) {
            w.timeout.cancel(false);
            w.future.complete(List.of());
        }
    }

    /** Marks the queue deleted, removes its messages and ends its long polls with no messages. */
    public void markDeleted() {
        List<Waiter> ended;
        lock.lock();
        try {
            deleted = true;
            clearMessages();
            ended = new ArrayList<>(waiters);
            waiters.clear();
        } finally {
            lock.unlock();
        }
        for (Waiter w : ended) {
            w.timeout.cancel(false);
            w.future.complete(List.of());
        }
    }

    /** Removes messages past the retention period; the backend calls it now and then. */
    public void sweepExpired() {
        lock.lock();
        try {
            long now = clock.millis();
            long cutoff = now - settings.messageRetentionPeriod() * 1000L;
            List<QueueMessage> old = new ArrayList<>();
            for (QueueMessage m : messages.values()) {
                if (m.stored.sentTimestamp() <= cutoff) {
                    old.add(m);
                }
            }
            old.forEach(this::remove);
            expireDeduplication(now);
        } finally {
            lock.unlock();
        }
    }

    /** Takes up to {@code max} visible messages out of this queue for a message move task. */
    public List<StoredMessage> drain(int max) {
        lock.lock();
        try {
            long now = clock.millis();
            promoteDue(now);
            List<StoredMessage> out = new ArrayList<>();
            for (QueueMessage m : new ArrayList<>(messages.values())) {
                if (out.size() >= max) {
                    break;
                }
                if (m.visibleAt <= now) {
                    out.add(m.stored);
                    remove(m);
                }
            }
            out.sort(Comparator.comparingLong(StoredMessage::sequence));
            return out;
        } finally {
            lock.unlock();
        }
    }

    private void expireDeduplication(long now) {
        Iterator<SendOutcome> it = deduplication.values().iterator();
        while (it.hasNext() && it.next().expiresAt() <= now) {
            it.remove();
        }
    }

    private void ensureExists() {
        if (deleted) {
            throw SqsErrors.queueDoesNotExist();
        }
    }

    // ---- counts --------------------------------------------------------------------------------

    /** ApproximateNumberOfMessages, ...NotVisible and ...Delayed, in that order. */
    public long[] counts() {
        lock.lock();
        try {
            long now = clock.millis();
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
        } finally {
            lock.unlock();
        }
    }

    /** Number of parked long polls (for tests and diagnostics). */
    public int waiting() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }
}
