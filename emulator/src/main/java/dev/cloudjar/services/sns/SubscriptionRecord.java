package dev.cloudjar.services.sns;

import java.util.Map;

/**
 * A subscription as stored. {@code attributes} holds the settable ones (FilterPolicy,
 * FilterPolicyScope, RawMessageDelivery, RedrivePolicy, DeliveryPolicy, SubscriptionRoleArn);
 * {@code token} is the confirmation token while the subscription is pending.
 */
public record SubscriptionRecord(int version, String arn, String topicArn, String protocol, String endpoint, String owner,
                                 boolean pendingConfirmation, boolean confirmationWasAuthenticated,
                                 Map<String, String> attributes, String token, long createdMillis) {
    public boolean rawMessageDelivery() {
        return "true".equalsIgnoreCase(attributes.get("RawMessageDelivery"));
    }

    SubscriptionRecord withAttributes(Map<String, String> value) {
        return new SubscriptionRecord(version, arn, topicArn, protocol, endpoint, owner, pendingConfirmation,
                confirmationWasAuthenticated, value, token, createdMillis);
    }

    SubscriptionRecord confirmed(boolean authenticated) {
        return new SubscriptionRecord(version, arn, topicArn, protocol, endpoint, owner, false,
                authenticated, attributes, token, createdMillis);
    }
}
