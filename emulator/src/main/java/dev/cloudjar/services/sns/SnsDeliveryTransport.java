package dev.cloudjar.services.sns;

/**
 * Carries prepared deliveries of one protocol to their endpoints. SNS registers its own transports for
 * http(s) and the outbox protocols; the composition root registers {@code sqs} and {@code lambda}
 * (implemented in {@code dev.cloudjar.integration}) with {@link SnsBackend#registerTransport}.
 * {@link #deliver} runs on the publishing thread before Publish returns: a transport that needs time
 * (HTTP, Lambda) hands the work to its own threads. Throwing means the endpoint did not take the
 * message; SNS then sends it to the subscription's dead-letter queue when it has one.
 */
@FunctionalInterface
public interface SnsDeliveryTransport {
    void deliver(SnsDelivery delivery);
}
