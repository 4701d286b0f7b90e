package dev.cloudjar.events;

import dev.cloudjar.core.Scope;

/**
 * EventBridge matched an event (or a schedule came due) for one target of a rule: {@code payload} is
 * what the target receives, already shaped by the target's Input, InputPath or InputTransformer;
 * {@code messageGroupId} is the target's SqsParameters.MessageGroupId (FIFO queues). The scope is the
 * rule's; the target ARN says where it goes.
 */
public record EventBridgeDelivery(
        Scope scope,
        String ruleArn,
        String targetId,
        String targetArn,
        String payload,
        String messageGroupId,
        String eventId) implements CloudEvent {
}
