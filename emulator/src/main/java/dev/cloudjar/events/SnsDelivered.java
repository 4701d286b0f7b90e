package dev.cloudjar.events;

import dev.cloudjar.core.Scope;

/**
 * SNS handed a message to a subscriber's transport (sqs, lambda, http, email, sms, ...); published after
 * the transport returned, {@code ok} false when it threw. For observers such as the console's flow view.
 * {@code deliveredMillis} is the injected clock's time of the hand-over (inside the Publish that caused it).
 */
public record SnsDelivered(Scope scope, String topicArn, String subscriptionArn, String protocol, String endpoint,
                           String messageId, String subject, String body, boolean ok,
                           long deliveredMillis) implements CloudEvent {
}
