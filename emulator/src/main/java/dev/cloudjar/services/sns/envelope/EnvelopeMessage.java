package dev.cloudjar.services.sns.envelope;

import java.time.Instant;
import java.util.Map;

/**
 * The fields of an SNS message as subscribers see them. {@code token}/{@code subscribeUrl} are set for
 * SubscriptionConfirmation and UnsubscribeConfirmation messages, {@code sequenceNumber} for FIFO
 * topics. {@code attributes} maps a name to (Type, Value) in publish order.
 */
public record EnvelopeMessage(String type, String messageId, String topicArn, String subject, String message,
                              Instant timestamp, String unsubscribeUrl, String signingCertUrl,
                              Map<String, Attribute> attributes, String token, String subscribeUrl,
                              String sequenceNumber) {

    /** A message attribute in an envelope: {@code {"Type": "...", "Value": "..."}}. */
    public record Attribute(String type, String value) {
    }
}
