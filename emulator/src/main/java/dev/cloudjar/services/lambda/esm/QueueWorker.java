package dev.cloudjar.services.lambda.esm;

import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.services.lambda.runtime.InvocationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one SQS mapping: long-polled batches (up to BatchSize, gathered for at most
 * MaximumBatchingWindowInSeconds), invoked synchronously; processed messages are deleted, failed
 * ones (the whole batch, or the reported items) are left to reappear after the visibility timeout.
 */
final class QueueWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueWorker.class);
    private static final int MAX_WAIT_SECONDS = 1;

    private final Supplier<MappingRecord> mapping;
    private final QueueSource source;
    private final MappingInvoker invoker;
    private final EventBus events;
    private volatile boolean running = true;

    QueueWorker(Supplier<MappingRecord> mapping, QueueSource source, MappingInvoker invoker, EventBus events) {
        this.mapping = mapping;
        this.source = source;
        this.invoker = invoker;
        this.events = events;
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
            try {
                pollOnce(m);
            } catch (RuntimeException e) {
                LOG.warn("event source mapping {} failed to poll {}: {}", m.uuid(), m.eventSourceArn(), e.getMessage());
                sleep(1000);
            }
        }
    }

    private void pollOnce(MappingRecord m) {
        Scope scope = new Scope(m.account(), m.region());
        List<QueueMessage> batch = new ArrayList<>(source.receive(scope, m.eventSourceArn(), Math.min(10, m.batchSize()), MAX_WAIT_SECONDS));
        if (batch.isEmpty()) {
            return;
        }
        try (EventBus.Work work = events.track()) {
            long windowEnd = System.nanoTime() + m.maximumBatchingWindowInSeconds() * 1_000_000_000L;
            while (batch.size() < m.batchSize() && System.nanoTime() < windowEnd && running) {
                List<QueueMessage> more = source.receive(scope, m.eventSourceArn(), Math.min(10, m.batchSize() - batch.size()), 0);
                if (more.isEmpty()) {
                    sleep(20);
                }
                batch.addAll(more);
            }
            EventFilters filters = EventFilters.of(m.filterPatterns());
            List<String> filteredOut = new ArrayList<>();
            batch.removeIf(message -> {
                boolean drop = !filters.matchesMessage(message);
                if (drop) {
                    filteredOut.add(message.receiptHandle()); // Lambda deletes messages its filters reject
                }
                return drop;
            });
            if (!filteredOut.isEmpty()) {
                source.delete(scope, m.eventSourceArn(), filteredOut);
            }
            if (batch.isEmpty()) {
                return;
            }
            InvocationResult result = invoker.invoke(scope, m.functionArn(), BatchResponses.sqsEvent(batch, m.eventSourceArn(), m.region()));
            if (result.failed()) {
                return; // the messages reappear after their visibility timeout
            }
            Set<String> failed = m.reportsBatchItemFailures() ? BatchResponses.failedItems(result.payload()) : Set.of();
            if (failed == null) {
                return;
            }
            List<String> done = new ArrayList<>();
            for (QueueMessage message : batch) {
                if (!failed.contains(message.messageId())) {
                    done.add(message.receiptHandle());
                }
            }
            if (!done.isEmpty()) {
                source.delete(scope, m.eventSourceArn(), done);
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }
}
