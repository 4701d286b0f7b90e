package dev.cloudjar.integration;

import dev.cloudjar.core.Arn;
import dev.cloudjar.events.EventBridgeDelivery;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.services.eventbridge.EventBridgeBackend;
import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.sns.PublishRequest;
import dev.cloudjar.services.sns.SnsBackend;
import dev.cloudjar.services.sqs.SqsBackend;
import dev.cloudjar.services.sqs.engine.SendRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends what EventBridge matched to its targets: Lambda functions asynchronously (Lambda's async
 * queue owns retries), SQS queues (FIFO ones with the target's MessageGroupId and the event id as
 * deduplication id) and SNS topics. A target that fails or that CloudJar cannot deliver to is logged
 * and counted by the EventBridge backend; the PutEvents or schedule that caused it never sees it.
 */
public final class EventBridgeTargets {
    private final Supplier<EventBridgeBackend> events;
    private final Supplier<SqsBackend> sqs;
    private final Supplier<SnsBackend> sns;
    private final Supplier<LambdaBackend> lambda;

    public EventBridgeTargets(Supplier<EventBridgeBackend> events, Supplier<SqsBackend> sqs, Supplier<SnsBackend> sns,
                              Supplier<LambdaBackend> lambda) {
        this.events = events;
        this.sqs = sqs;
        this.sns = sns;
        this.lambda = lambda;
    }

    public void subscribe(EventBus bus) {
        bus.subscribe(EventBridgeDelivery.class, this::deliver);
    }

    void deliver(EventBridgeDelivery delivery) {
        Arn arn = Arn.parseOrNull(delivery.targetArn());
        try {
            switch (arn == null ? "" : arn.service()) {
                case "lambda" -> lambda.get().invokeAsync(arn.scope(), delivery.targetArn(), delivery.payload().getBytes(StandardCharsets.UTF_8));
                case "sqs" -> {
                    boolean fifo = arn.resource().endsWith(".fifo");
                    sqs.get().sendMessage(arn.scope(), delivery.targetArn(), new SendRequest(delivery.payload(), null, Map.of(), null,
                            fifo ? delivery.messageGroupId() : null, fifo ? delivery.eventId() : null, null));
                }
                case "sns" -> sns.get().publish(arn.scope(), new PublishRequest(delivery.targetArn(), null, null, delivery.payload(),
                        null, null, Map.of(), null, null, null));
                default -> events.get().deliveryFailed(delivery.targetArn(), "CloudJar does not deliver to this kind of target");
            }
        } catch (RuntimeException e) {
            events.get().deliveryFailed(delivery.targetArn(), e.getMessage());
        }
    }
}
