package dev.cloudjar.services.sqs.engine;

import dev.cloudjar.core.IdGenerator;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final QueueName name;
    private final String key;
    private final MessageStore store;
    private final Clock clock;
    private final IdGenerator ids;
    private final ScheduledExecutorService timers;
    private final DeadLetterRouter router;
    private final Executor completions;
    private final ReentrantLock lock = new ReentrantLock();

    private final QueueIndex index;
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
        this.index = new QueueIndex(key, settings.fifo(), store, ids);
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
            index.add(new QueueMessage(stored), now);
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
            index.add(new QueueMessage(moved), now);
            serveWaiters(now, after);
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
    }

    /**
     * Rebuilds a stored message at start, with its receive state if it had one; a FIFO message sent
     * less than five minutes ago also re-enters the deduplication window (calls come in send order).
     */
    public void restore(StoredMessage stored, MessageState state) {
        lock.lock();
        try {
            QueueMessage m = new QueueMessage(stored);
            if (state != null) {
                m.restore(state);
            }
            long now = clock.millis();
            index.add(m, now);
            long expires = stored.sentTimestamp() + DEDUP_WINDOW_MILLIS;
            if (settings.fifo() && stored.deduplicationId() != null && stored.deadLetterSourceArn() == null && expires > now) {
                String dedupKey = settings.deduplicationScopeMessageGroup()
                        ? stored.groupId() + '\u0000' + stored.deduplicationId() : stored.deduplicationId();
                deduplication.put(dedupKey, new SendOutcome(stored.messageId(), stored.sequence(), expires));
            }
        } finally {
            lock.unlock();
        }
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
        long next = index.nextVisibleAt();
        if (waiters.isEmpty() || next == Long.MAX_VALUE) {
            return;
        }
        if (next < wakeAt) {
            wakeAt = next;
            timers.schedule(this::wake, Math.max(0, next - now), TimeUnit.MILLISECONDS);
        }
    }

    private List<ReceivedMessage> take(Receive receive, long now, List<Runnable> after) {
        if (index.isEmpty()) {
            return List.of();
        }
        QueueSettings s = settings;
        QueueSettings.RedrivePolicy redrive = s.redrivePolicy();
        MessageQueue deadLetter = redrive == null ? null : router.find(redrive.deadLetterTargetArn());
        QueueIndex.Taken taken = index.take(receive.max(), receive.visibilityTimeout(), now,
                s.messageRetentionPeriod() * 1000L, deadLetter == null ? null : redrive);
        if (taken.deadLettered() != null) {
            List<StoredMessage> moved = new ArrayList<>(taken.deadLettered().size());
            taken.deadLettered().forEach(m -> moved.add(deadLettered(m)));
            after.add(() -> moved.forEach(deadLetter::accept));
        }
        if (taken.delivered().isEmpty()) {
            return List.of();
        }
        List<ReceivedMessage> out = new ArrayList<>(taken.delivered().size());
        for (QueueMessage m : taken.delivered()) {
            out.add(receive.selection().render(m, handle(m), s.fifo()));
        }
        if (receive.attemptId() != null && s.fifo()) {
            List<String> nonces = new ArrayList<>(out.size());
            taken.delivered().forEach(m -> nonces.add(m.receiptNonce));
            attempts.put(receive.attemptId(), new Attempt(now + DEDUP_WINDOW_MILLIS, taken.delivered(), nonces));
        }
        return out;
    }

    /** The message as the dead-letter queue stores it: same id and body, naming its source queue. */
    private StoredMessage deadLettered(QueueMessage m) {
        StoredMessage s = m.stored;
        return new StoredMessage(StoredMessage.CURRENT_VERSION, s.sequence(), s.messageId(), s.body(), s.attributes(),
                s.traceHeader(), s.sentTimestamp(), s.senderId(), s.groupId(), s.deduplicationId(), name.arn(),
                0, m.receiveCount, m.firstReceiveTimestamp);
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
            if (index.get(m.sequence) != m || !attempt.nonces().get(i).equals(m.receiptNonce) || !m.inFlight(now)) {
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
            QueueMessage m = index.get(h.sequence());
            if (m == null || !h.nonce().equals(m.receiptNonce)) {
                return;
            }
            long now = clock.millis();
            if (settings.fifo() && m.visibleAt <= now) {
                throw SqsErrors.receiptHandleExpired(receiptHandle);
            }
            index.remove(m);
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
            QueueMessage m = index.get(h.sequence());
            if (m == null || !h.nonce().equals(m.receiptNonce)) {
                throw SqsErrors.receiptHandleExpired(receiptHandle);
            }
            long now = clock.millis();
            if (m.visibleAt <= now) {
                throw SqsErrors.messageNotInflight();
            }
            index.changeVisibility(m, visibilityTimeout, now);
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
        index.clear();
        deduplication.clear();
        attempts.clear();
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
            for (QueueMessage m : index.all()) {
                if (m.stored.sentTimestamp() <= cutoff) {
                    index.remove(m);
                }
            }
            expireDeduplication(now);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Up to {@code max} messages in send order, read without receiving them: no receive count, no
     * visibility change, no receipt handle (the console's peek).
     */
    public List<PeekedMessage> peek(int max) {
        lock.lock();
        try {
            long now = clock.millis();
            List<QueueMessage> all = index.all();
            all.sort(java.util.Comparator.comparingLong(m -> m.sequence));
            List<PeekedMessage> out = new java.util.ArrayList<>();
            for (QueueMessage m : all.subList(0, Math.min(max, all.size()))) {
                out.add(new PeekedMessage(m.stored.messageId(), m.stored.body(), m.stored.sentTimestamp(), m.receiveCount,
                        m.visibleAt <= now, m.stored.groupId()));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Takes up to {@code max} visible messages out of this queue for a message move task. */
    public List<StoredMessage> drain(int max) {
        lock.lock();
        try {
            return index.drain(max, clock.millis());
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
            return index.counts(clock.millis());
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
