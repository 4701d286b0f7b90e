package dev.cloudjar.services.sns;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transports by protocol, and what happens when one fails: the delivery goes to the
 * subscription's dead-letter queue (through the sqs transport) when it has one, else it is logged.
 * A failing subscriber never fails the Publish.
 */
final class SnsTransports {
    private static final Logger LOG = LoggerFactory.getLogger(SnsTransports.class);

    private final Map<String, SnsDeliveryTransport> byProtocol = new ConcurrentHashMap<>();
    private final Set<String> warnedMissing = ConcurrentHashMap.newKeySet();
    private final java.util.function.BiConsumer<SnsDelivery, Boolean> observer;

    SnsTransports(java.util.function.BiConsumer<SnsDelivery, Boolean> observer) {
        this.observer = observer;
    }

    void register(String protocol, SnsDeliveryTransport transport) {
        byProtocol.put(protocol, transport);
    }

    void deliver(SnsDelivery delivery) {
        SnsDeliveryTransport transport = byProtocol.get(delivery.protocol());
        if (transport == null) {
            if (warnedMissing.add(delivery.protocol())) {
                LOG.warn("sns has no transport for protocol {}; messages to {} subscribers are dropped", delivery.protocol(), delivery.protocol());
            }
            return;
        }
        try {
            transport.deliver(delivery);
        } catch (RuntimeException e) {
            LOG.warn("sns delivery of {} to {} {} failed: {}", delivery.messageId(), delivery.protocol(), delivery.endpoint(), e.toString());
            observer.accept(delivery, false);
            deadLetter(delivery);
            return;
        }
        observer.accept(delivery, true);
    }

    /** Sends a delivery the endpoint did not take to the subscription's dead-letter queue, if any. */
    void deadLetter(SnsDelivery delivery) {
        String target = delivery.deadLetterTarget();
        SnsDeliveryTransport sqs = byProtocol.get("sqs");
        if (target == null || sqs == null) {
            return;
        }
        try {
            sqs.deliver(delivery.redirectedTo("sqs", target));
        } catch (RuntimeException e) {
            LOG.warn("sns could not move {} to dead-letter queue {}: {}", delivery.messageId(), target, e.toString());
        }
    }
}
