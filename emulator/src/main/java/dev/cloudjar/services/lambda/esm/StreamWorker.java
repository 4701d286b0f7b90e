package dev.cloudjar.services.lambda.esm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.services.lambda.runtime.InvocationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one DynamoDB stream mapping in commit order: a batch after the checkpoint, invoked
 * synchronously; the checkpoint moves only past processed records. A failing batch is retried in
 * order (halved first with BisectBatchOnFunctionError) until it succeeds, or until
 * MaximumRetryAttempts / MaximumRecordAgeInSeconds send it to the OnFailure destination and the
 * mapping moves on. With ReportBatchItemFailures the checkpoint stops before the first reported
 * SequenceNumber and the batch is retried from there. With TumblingWindowInSeconds a batch holds
 * the records of one window only, each invocation carries the window and the state the previous one
 * returned, and once the window has ended on the clock (or a record of a later window arrives) a final
 * invocation without records gets the window's state ({@link TumblingWindow}).
 */
final class StreamWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamWorker.class);
    private static final Duration WAIT = Duration.ofSeconds(1);

    private final Supplier<MappingRecord> mapping;
    private final StreamSource source;
    private final MappingInvoker invoker;
    private final EventBus events;
    private final Clock clock;
    private final BiConsumer<String, String> checkpointer;
    private volatile boolean running = true;
    /** The open tumbling window; only this worker's thread touches it. */
    private TumblingWindow window;

    StreamWorker(Supplier<MappingRecord> mapping, StreamSource source, MappingInvoker invoker, EventBus events, Clock clock,
                 BiConsumer<String, String> checkpointer) {
        this.mapping = mapping;
        this.source = source;
        this.invoker = invoker;
        this.events = events;
        this.clock = clock;
        this.checkpointer = checkpointer;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            MappingRecord m = mapping.get();
            if (m == null) {
                return;
            }
            Scope scope = new Scope(m.account(), m.region());
            String checkpoint = m.checkpoint() == null ? "" : m.checkpoint();
            try {
                if (!processNext(m, scope, checkpoint) && !finishEndedWindow(m, scope)) {
                    source.awaitRecords(scope, m.eventSourceArn(), checkpoint, WAIT);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("event source mapping {} failed on {}: {}", m.uuid(), m.eventSourceArn(), e.getMessage());
                pause(1000);
            }
        }
    }

    /** Processes the next batch if there is one; tracked from before the read, so awaitIdle() cannot slip in between. */
    private boolean processNext(MappingRecord m, Scope scope, String checkpoint) throws InterruptedException {
        try (EventBus.Work work = events.track()) {
            List<StreamRecord> batch = source.read(scope, m.eventSourceArn(), checkpoint, m.batchSize());
            if (batch.isEmpty()) {
                return false;
            }
            batch = fillWindow(m, scope, checkpoint, batch);
            TumblingWindow w = window(m);
            if (w != null) {
                if (!w.belongsToOpen(batch)) {
                    finish(m, scope, w, false);
                }
                batch = w.openFor(batch);
            }
            List<StreamRecord> kept = EventFilters.of(m.filterPatterns()).keepStream(batch);
            if (kept.isEmpty()) {
                checkpointer.accept(batch.get(batch.size() - 1).sequenceNumber(), m.lastProcessingResult());
            } else {
                process(m, scope, kept);
                if (kept.get(kept.size() - 1) != batch.get(batch.size() - 1) && running) {
                    checkpointer.accept(batch.get(batch.size() - 1).sequenceNumber(), "OK");
                }
            }
            return true;
        }
    }

    /** The mapping's tumbling window, or null without TumblingWindowInSeconds. */
    private TumblingWindow window(MappingRecord m) {
        if (m.tumblingWindowInSeconds() <= 0) {
            window = null;
        } else if (window == null || window.seconds() != m.tumblingWindowInSeconds()) {
            window = new TumblingWindow(m.tumblingWindowInSeconds(), source.shardId(), m.eventSourceArn());
        }
        return window;
    }

    /** The final invocation of a window that has ended on the clock; false when there is none to make. */
    private boolean finishEndedWindow(MappingRecord m, Scope scope) {
        TumblingWindow w = window(m);
        if (w == null || !w.endedBy(clock.instant().getEpochSecond())) {
            return false;
        }
        try (EventBus.Work work = events.track()) {
            finish(m, scope, w, false);
        }
        return true;
    }

    /** Invokes the function once more with the window's state and no records, then closes the window. */
    private void finish(MappingRecord m, Scope scope, TumblingWindow w, boolean terminatedEarly) {
        InvocationResult result = invoker.invoke(scope, m.functionArn(), w.event(List.of(), true, terminatedEarly));
        if (result.failed()) {
            LOG.info("event source mapping {}: the final invocation of a tumbling window failed", m.uuid());
        }
        w.close();
    }

    private List<StreamRecord> fillWindow(MappingRecord m, Scope scope, String checkpoint, List<StreamRecord> batch)
            throws InterruptedException {
        long windowEnd = System.nanoTime() + m.maximumBatchingWindowInSeconds() * 1_000_000_000L;
        while (batch.size() < m.batchSize() && System.nanoTime() < windowEnd && running) {
            String last = batch.get(batch.size() - 1).sequenceNumber();
            source.awaitRecords(scope, m.eventSourceArn(), last, Duration.ofNanos(Math.max(1, windowEnd - System.nanoTime())));
            batch = source.read(scope, m.eventSourceArn(), checkpoint, m.batchSize());
        }
        return batch;
    }

    /** Runs the batch until it is processed or given up; then the checkpoint moves past it. */
    private void process(MappingRecord m, Scope scope, List<StreamRecord> batch) {
        List<StreamRecord> pending = batch;
        int attempts = 0;
        while (running && !pending.isEmpty()) {
            TumblingWindow w = window;
            InvocationResult result = invoker.invoke(scope, m.functionArn(),
                    w == null ? BatchResponses.streamEvent(pending) : w.event(pending, false, false));
            attempts++;
            if (!result.failed() && w != null && w.keepState(result.payload())) {
                finish(m, scope, w, true);
            }
            if (!result.failed()) {
                Set<String> failed = m.reportsBatchItemFailures() ? BatchResponses.failedItems(result.payload()) : Set.of();
                if (failed != null && failed.isEmpty()) {
                    checkpointer.accept(pending.get(pending.size() - 1).sequenceNumber(), "OK");
                    return;
                }
                if (failed != null) {
                    int firstFailed = indexOfFirst(pending, failed);
                    if (firstFailed > 0) {
                        checkpointer.accept(pending.get(firstFailed - 1).sequenceNumber(), "PROBLEM: Function call failed");
                        pending = pending.subList(firstFailed, pending.size());
                    }
                }
            }
            if (givenUp(m, pending, attempts)) {
                sendToOnFailure(m, scope, pending, attempts, result);
                checkpointer.accept(pending.get(pending.size() - 1).sequenceNumber(), "PROBLEM: Function call failed");
                return;
            }
            if (m.bisectBatchOnFunctionError() && pending.size() > 1) {
                pending = pending.subList(0, pending.size() / 2);
            }
            pause(Math.min(2000, 50L << Math.min(attempts, 6)));
        }
    }

    private static int indexOfFirst(List<StreamRecord> records, Set<String> failed) {
        for (int i = 0; i < records.size(); i++) {
            if (failed.contains(records.get(i).sequenceNumber())) {
                return i;
            }
        }
        return 0;
    }

    private boolean givenUp(MappingRecord m, List<StreamRecord> pending, int attempts) {
        boolean retriesExhausted = m.maximumRetryAttempts() >= 0 && attempts > m.maximumRetryAttempts();
        long age = clock.instant().getEpochSecond() - pending.get(0).approximateCreationEpochSeconds();
        boolean tooOld = m.maximumRecordAgeInSeconds() >= 0 && age > m.maximumRecordAgeInSeconds();
        return retriesExhausted || tooOld;
    }

    /** AWS's stream invocation record with DDBStreamBatchInfo or KinesisBatchInfo. */
    private void sendToOnFailure(MappingRecord m, Scope scope, List<StreamRecord> pending, int attempts, InvocationResult result) {
        if (m.onFailure() == null) {
            LOG.info("event source mapping {} skipped {} records after {} attempts", m.uuid(), pending.size(), attempts);
            return;
        }
        ObjectNode root = BatchResponses.JSON.createObjectNode();
        ObjectNode request = root.putObject("requestContext");
        request.put("requestId", java.util.UUID.nameUUIDFromBytes((m.uuid() + pending.get(0).sequenceNumber()).getBytes()).toString());
        request.put("functionArn", m.functionArn());
        request.put("condition", "RetryAttemptsExhausted");
        request.put("approximateInvokeCount", attempts);
        ObjectNode response = root.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", result.executedVersion());
        if (result.functionError() != null) {
            response.put("functionError", result.functionError());
        }
        root.put("version", "1.0");
        root.put("timestamp", Instant.now(clock).toString());
        ObjectNode info = root.putObject(source.batchInfoMember());
        info.put("shardId", source.shardId());
        info.put("startSequenceNumber", pending.get(0).sequenceNumber());
        info.put("endSequenceNumber", pending.get(pending.size() - 1).sequenceNumber());
        info.put("approximateArrivalOfFirstRecord", Instant.ofEpochSecond(pending.get(0).approximateCreationEpochSeconds()).toString());
        info.put("approximateArrivalOfLastRecord",
                Instant.ofEpochSecond(pending.get(pending.size() - 1).approximateCreationEpochSeconds()).toString());
        info.put("batchSize", pending.size());
        info.put("streamArn", m.eventSourceArn());
        try {
            invoker.deliver(scope, m.onFailure(), root.toString());
        } catch (RuntimeException e) {
            LOG.warn("OnFailure destination {} of mapping {} failed: {}", m.onFailure(), m.uuid(), e.getMessage());
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }
}
