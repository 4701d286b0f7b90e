package dev.cloudjar.services.sqs.engine;

import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.events.EventBus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Dead-letter queue redrive (StartMessageMoveTask): moves the visible messages of a DLQ back to their
 * source queues (or to a given destination) on the timer thread, all at once or at the requested
 * messages per second. Tasks are kept in memory only.
 */
public final class MessageMoveTasks {
    /** A task as ListMessageMoveTasks shows it. */
    public record MoveTask(String taskHandle, String status, String sourceArn, String destinationArn,
                           Integer maxNumberOfMessagesPerSecond, long approximateNumberOfMessagesMoved,
                           Long approximateNumberOfMessagesToMove, String failureReason, long startedTimestamp) {
    }

    private static final class Task {
        final String handle;
        final String sourceArn;
        final String destinationArn;
        final Integer perSecond;
        final long started;
        final long toMove;
        volatile String status = "RUNNING";
        volatile long moved;
        volatile String failureReason;

        Task(String handle, String sourceArn, String destinationArn, Integer perSecond, long started, long toMove) {
            this.handle = handle;
            this.sourceArn = sourceArn;
            this.destinationArn = destinationArn;
            this.perSecond = perSecond;
            this.started = started;
            this.toMove = toMove;
        }

        MoveTask view() {
            return new MoveTask(handle, status, sourceArn, destinationArn, perSecond, moved, toMove, failureReason, started);
        }
    }

    private final Map<String, List<Task>> bySource = new ConcurrentHashMap<>();
    private final Map<String, Task> byHandle = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventBus events;
    private final Function<String, MessageQueue> queues;

    public MessageMoveTasks(ScheduledExecutorService timers, Clock clock, IdGenerator ids, EventBus events,
                            Function<String, MessageQueue> queuesByArn) {
        this.timers = timers;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.queues = queuesByArn;
    }

    /** Starts a task; the caller has checked that the source is a dead-letter queue. */
    public synchronized String start(MessageQueue source, String destinationArn, Integer perSecond) {
        String sourceArn = source.name().arn();
        for (Task t : bySource.getOrDefault(sourceArn, List.of())) {
            if ("RUNNING".equals(t.status)) {
                throw SqsErrors.invalidParameterValue(
                        "There is already a task running. Only one active task is allowed for a source queue arn at a given time.");
            }
        }
        String raw = "{\"taskId\":\"" + ids.uuid() + "\",\"sourceArn\":\"" + sourceArn + "\"}";
        String handle = Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        long[] counts = source.counts();
        Task task = new Task(handle, sourceArn, destinationArn, perSecond, clock.millis(), counts[0]);
        bySource.computeIfAbsent(sourceArn, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(0, task);
        byHandle.put(handle, task);
        EventBus.Work work = events == null ? null : events.track();
        timers.execute(() -> step(task, source, work));
        return handle;
    }

    private void step(Task task, MessageQueue source, EventBus.Work work) {
        boolean again = false;
        try {
            if (!"RUNNING".equals(task.status)) {
                if ("CANCELLING".equals(task.status)) {
                    task.status = "CANCELLED";
                }
                return;
            }
            int batch = task.perSecond == null ? Integer.MAX_VALUE : task.perSecond;
            List<StoredMessage> drained = source.drain(batch);
            for (StoredMessage m : drained) {
                String target = task.destinationArn != null ? task.destinationArn : m.deadLetterSourceArn();
                MessageQueue destination = target == null ? null : queues.apply(target);
                if (destination == null || destination.deleted()) {
                    source.accept(m);
                    task.status = "FAILED";
                    task.failureReason = "Destination queue " + target + " does not exist.";
                    return;
                }
                destination.accept(new StoredMessage(StoredMessage.CURRENT_VERSION, m.sequence(), m.messageId(), m.body(),
                        m.attributes(), m.traceHeader(), m.sentTimestamp(), m.senderId(), m.groupId(), m.deduplicationId(),
                        null, 0, 0, 0));
                task.moved++;
            }
            if (task.perSecond != null && !drained.isEmpty() && drained.size() >= batch) {
                again = true;
                timers.schedule(() -> step(task, source, work), 1, TimeUnit.SECONDS);
            } else {
                task.status = "COMPLETED";
            }
        } finally {
            if (!again && work != null) {
                work.close();
            }
        }
    }

    public List<MoveTask> list(String sourceArn, int max) {
        List<MoveTask> out = new ArrayList<>();
        for (Task t : bySource.getOrDefault(sourceArn, List.of())) {
            if (out.size() >= max) {
                break;
            }
            out.add(t.view());
        }
        return out;
    }

    /** Cancels a running task; returns the number of messages moved so far. */
    public synchronized long cancel(String handle) {
        Task task = handle == null ? null : byHandle.get(handle);
        if (task == null) {
            throw SqsErrors.resourceNotFound("Task does not exist.");
        }
        if (!"RUNNING".equals(task.status)) {
            throw SqsErrors.invalidParameterValue("Only active tasks can be cancelled.");
        }
        task.status = "CANCELLING";
        return task.moved;
    }

    public void clear() {
        bySource.clear();
        byHandle.clear();
    }
}
