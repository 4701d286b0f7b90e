package dev.cloudjar.services.lambda.esm;

import dev.cloudjar.core.Scope;
import java.util.List;

/**
 * An SQS queue as an event source mapping reads it. Implemented by {@code dev.cloudjar.integration}
 * over SqsBackend. Messages received become invisible for the queue's visibility timeout; the
 * worker deletes the ones the function processed and leaves the rest to reappear (and to reach the
 * queue's dead-letter queue by redrive).
 */
public interface QueueSource {
    /** True when the queue exists (checked by CreateEventSourceMapping). */
    boolean exists(Scope scope, String queueArn);

    /** Long-polls for up to {@code maxMessages} (1..10) for up to {@code waitSeconds}; may return none. */
    List<QueueMessage> receive(Scope scope, String queueArn, int maxMessages, int waitSeconds);

    /** Deletes processed messages by receipt handle. */
    void delete(Scope scope, String queueArn, List<String> receiptHandles);

    /** The default before integration is wired: no queues. */
    QueueSource NONE = new QueueSource() {
        @Override
        public boolean exists(Scope scope, String queueArn) {
            return false;
        }

        @Override
        public List<QueueMessage> receive(Scope scope, String queueArn, int maxMessages, int waitSeconds) {
            try {
                Thread.sleep(waitSeconds * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }

        @Override
        public void delete(Scope scope, String queueArn, List<String> receiptHandles) {
        }
    };
}
