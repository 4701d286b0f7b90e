package dev.cloudjar.services.sns;

/**
 * A row of ListSubscriptions(ByTopic). An unconfirmed subscription shows {@code PendingConfirmation}
 * as its ARN, as AWS lists it.
 */
public record SubscriptionSummary(String subscriptionArn, String owner, String protocol, String endpoint, String topicArn) {
}
