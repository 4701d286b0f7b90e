package dev.cloudjar.services.sns;

import dev.cloudjar.core.Scope;
import java.util.Map;

/**
 * One message for one subscriber, fully prepared by the backend: {@code body} is what the endpoint
 * receives (the JSON envelope, the raw message, the Lambda event or the email text).
 * {@code messageAttributes} are set only for raw delivery, where SNS attributes become the SQS
 * message's attributes. {@code messageType} is Notification, SubscriptionConfirmation or
 * UnsubscribeConfirmation. Group and deduplication ids are set for FIFO topics (group id also for
 * standard topics when the publisher gave one). {@code deadLetterTarget} is the SQS queue ARN of the
 * subscription's RedrivePolicy, where SNS sends what the endpoint refused.
 */
public record SnsDelivery(Scope scope, String topicArn, String subscriptionArn, String protocol, String endpoint,
                          String messageType, String messageId, String subject, String body, boolean raw,
                          Map<String, SnsMessageAttribute> messageAttributes, String messageGroupId,
                          String messageDeduplicationId, String deadLetterTarget) {

    /** The same delivery aimed at another endpoint (a dead-letter queue). */
    public SnsDelivery redirectedTo(String protocolName, String target) {
        return new SnsDelivery(scope, topicArn, subscriptionArn, protocolName, target, messageType, messageId, subject, body,
                raw, messageAttributes, messageGroupId, messageDeduplicationId, null);
    }
}
