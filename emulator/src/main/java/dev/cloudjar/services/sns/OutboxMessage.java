package dev.cloudjar.services.sns;

/**
 * A message SNS "sent" to an email address, a phone number or a mobile endpoint: recorded here (and
 * optionally relayed over SMTP) instead of leaving the machine.
 */
public record OutboxMessage(long sequence, String recipient, String protocol, String subject, String body, String time,
                            String topicArn, String subscriptionArn, String messageId, String account, String region) {
}
